/**
 * The authorization matrix: every role against every route of the route table, plus another
 * company's primary POC, a disabled user and a removed company's user. The expected outcome
 * is written once per route; a route without a row fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type RouteDefinition, type RouteId } from '../../functions/definitions/routes.ts';
import {
  enrollCompany,
  enrollmentInput,
  reauthenticate,
  TEST_PASSWORD,
  startTestApi,
  uniqueEmail,
  userWithRole,
  type RequestOptions,
  type TestApi,
} from '../support/api.ts';
import { accountInfoFor, completeAnswers } from '../support/profile.ts';
import { auditCount } from '../support/table.ts';
import { createCertification } from '../support/items.ts';
import { randomUUID } from 'node:crypto';

const PERSONAS = [
  'anonymous',
  'cbp-admin',
  'cbp-officer',
  'primary-poc',
  'company-user',
  'company-user+edit',
  'company-user+share',
  'other-company-poc',
  'disabled-user',
  'removed-company-user',
] as const;
type Persona = (typeof PERSONAS)[number];
/** 'ok' is any 2xx; a number is the exact status. */
type Outcome = 'ok' | 400 | 401 | 403 | 404 | 409;
type Row = Record<Persona, Outcome>;

const row = (anonymous: Outcome, rest: Partial<Row> & { default: Outcome }): Row =>
  Object.fromEntries(PERSONAS.map((p) => [p, p === 'anonymous' ? anonymous : (rest[p] ?? rest.default)])) as Row;

/** Public routes answer everyone alike; they are called with an invalid body, so 400 shows no auth step stopped them. */
const PUBLIC_400 = row(400, { default: 400 });
const POC_ONLY = row(401, { default: 403, 'primary-poc': 'ok', 'other-company-poc': 404 });
const POC_AND_CBP_READ = row(401, {
  default: 403,
  'cbp-admin': 'ok',
  'cbp-officer': 'ok',
  'primary-poc': 'ok',
  'other-company-poc': 404,
});
const CBP_ADMIN_ONLY = row(401, { default: 403, 'cbp-admin': 'ok' });
const CBP_ONLY = row(401, { default: 403, 'cbp-admin': 'ok', 'cbp-officer': 'ok' });
/** Messages: CBP and every user of the company, also of a removed one (not a disabled user, not another company). */
const MESSAGING = row(401, { default: 'ok', 'other-company-poc': 404, 'disabled-user': 403 });
/** The company's data: CBP and the company's own users (not a removed company's, not another's). */
const COMPANY_READ = row(401, {
  default: 'ok',
  'other-company-poc': 404,
  'disabled-user': 403,
  'removed-company-user': 403,
});
/** The company's editable records: its primary POC and users allowed to edit. */
const COMPANY_EDIT = row(401, {
  default: 403,
  'primary-poc': 'ok',
  'company-user+edit': 'ok',
  'other-company-poc': 404,
});
/** Sharing decisions: the company's primary POC and the users it designated to authorize sharing; never CBP. */
const SHARING = row(401, { default: 403, 'primary-poc': 'ok', 'company-user+share': 'ok', 'other-company-poc': 404 });

const MATRIX: Record<RouteId, Row> = {
  health: row('ok', { default: 'ok' }),
  // Public, and nothing about it differs by caller: every service is up in this run.
  ready: row('ok', { default: 'ok' }),
  openapi: row('ok', { default: 'ok' }),
  login: PUBLIC_400,
  newPassword: PUBLIC_400,
  requestAccount: PUBLIC_400,
  refresh: PUBLIC_400,
  logout: PUBLIC_400,
  forgotPassword: PUBLIC_400,
  confirmForgotPassword: PUBLIC_400,
  answerMfa: PUBLIC_400,
  startMfaSetup: PUBLIC_400,
  finishMfaSetup: PUBLIC_400,
  // Called with a made-up access token: past authorization, the domain refuses it (400).
  startTotp: row(401, { default: 400, 'disabled-user': 403, 'removed-company-user': 403 }),
  confirmTotp: row(401, { default: 400, 'disabled-user': 403, 'removed-company-user': 403 }),
  getMe: row(401, { default: 'ok', 'disabled-user': 403 }),
  enrollCompany: CBP_ONLY,
  listCompanies: CBP_ONLY,
  companiesCsv: CBP_ONLY,
  complianceOverview: CBP_ONLY,
  getCompany: row(401, { default: 'ok', 'other-company-poc': 404, 'disabled-user': 403 }),
  listCompanyUsers: POC_AND_CBP_READ,
  getCompanyUser: POC_AND_CBP_READ,
  addCompanyUser: POC_ONLY,
  updateCompanyUser: POC_ONLY,
  removeCompanyUser: POC_ONLY,
  handOverPrimaryPoc: POC_ONLY,
  // The primary POC resends their users' invitations; a CBP administrator a company's primary POC's.
  resendInvitation: row(401, { default: 403, 'primary-poc': 'ok', 'cbp-admin': 'ok', 'other-company-poc': 404 }),
  listStaff: CBP_ADMIN_ONLY,
  addStaff: CBP_ADMIN_ONLY,
  updateStaff: CBP_ADMIN_ONLY,
  getAccountInfo: COMPANY_READ,
  saveAccountInfo: COMPANY_EDIT,
  getSecurityProfile: COMPANY_READ,
  saveSecurityProfile: COMPANY_EDIT,
  listProfileVersions: COMPANY_READ,
  getProfileVersion: COMPANY_READ,
  diffSecurityProfile: COMPANY_READ,
  certify: POC_ONLY,
  listCertifications: COMPANY_READ,
  reviewCertification: CBP_ONLY,
  listDeadlines: row(401, { default: 'ok', 'disabled-user': 403, 'removed-company-user': 403 }),
  reviseDeadline: CBP_ADMIN_ONLY,
  deadlineImpact: CBP_ADMIN_ONLY,
  proposeDeadline: CBP_ADMIN_ONLY,
  listDeadlineProposals: CBP_ONLY,
  decideDeadlineProposal: CBP_ADMIN_ONLY,
  deadlineHistory: CBP_ONLY,
  extendDeadline: CBP_ADMIN_ONLY,
  removeCompany: CBP_ONLY,
  reinstateCompany: CBP_ADMIN_ONLY,
  // Only a removed company reapplies: its POC may; an active company's POC is refused for the state, not the role.
  reapply: row(401, { default: 403, 'primary-poc': 409, 'other-company-poc': 404, 'removed-company-user': 'ok' }),
  decideReapplication: CBP_ONLY,
  changePoc: CBP_ADMIN_ONLY,
  setSecondaryContact: POC_ONLY,
  listThreads: MESSAGING,
  startThread: MESSAGING,
  listMessages: MESSAGING,
  postMessage: MESSAGING,
  publishAlert: CBP_ONLY,
  alertReach: CBP_ONLY,
  approveAlert: CBP_ONLY,
  listAlerts: row(401, { default: 'ok', 'disabled-user': 403 }),
  // Sent to company A and to the removed company R, not to the other company.
  getAlert: MESSAGING,
  acknowledgeAlert: row(401, {
    default: 'ok',
    'cbp-admin': 403,
    'cbp-officer': 403,
    'other-company-poc': 404,
    'disabled-user': 403,
  }),
  listAcknowledgements: CBP_ONLY,
  // A removed company still sees and revokes what it shared, and reads its trail.
  listGrants: row(401, { default: 'ok', 'other-company-poc': 404, 'disabled-user': 403 }),
  createGrant: SHARING,
  revokeGrant: { ...SHARING, 'removed-company-user': 404 },
  sharedWithMe: row(401, {
    default: 'ok',
    'cbp-admin': 403,
    'cbp-officer': 403,
    'disabled-user': 403,
    'removed-company-user': 403,
  }),
  // Company B granted company A `status`: A's users read B; B's own POC has no grant from itself.
  partnerView: row(401, {
    default: 'ok',
    'cbp-admin': 403,
    'cbp-officer': 403,
    'other-company-poc': 404,
    'disabled-user': 403,
    'removed-company-user': 403,
  }),
  // Asking a third company: any company's sharing authority may.
  requestGrant: row(401, { default: 403, 'primary-poc': 'ok', 'company-user+share': 'ok', 'other-company-poc': 'ok' }),
  requestGrantByCode: row(401, {
    default: 403,
    'primary-poc': 'ok',
    'company-user+share': 'ok',
    'other-company-poc': 'ok',
  }),
  listGrantRequests: COMPANY_READ,
  decideGrantRequest: SHARING,
  companyAudit: row(401, { default: 'ok', 'other-company-poc': 404, 'disabled-user': 403 }),
  portalAudit: CBP_ONLY,
  portalAuditCsv: CBP_ONLY,
  exportCompany: POC_ONLY,
  changeProgramStatus: CBP_ONLY,
  assignSpecialist: CBP_ADMIN_ONLY,
  getWorklist: CBP_ONLY,
  // Company A is suspended (beforeAll), so its primary POC may appeal.
  fileAppeal: POC_ONLY,
  decideAppeal: CBP_ADMIN_ONLY,
  scheduleValidation: CBP_ONLY,
  listValidations: COMPANY_READ,
  // CBP answers a date the company proposed; company A's date waits for no one (its validation is reported).
  agreeValidationDate: row(401, {
    default: 403,
    'cbp-admin': 'ok',
    'cbp-officer': 'ok',
    'primary-poc': 409,
    'other-company-poc': 404,
  }),
  reportValidation: CBP_ONLY,
  answerAction: row(401, { default: 403, 'primary-poc': 'ok', 'company-user+edit': 'ok', 'other-company-poc': 404 }),
  reviewAction: CBP_ONLY,
  // Everyone confirms their own password; CBP staff also need their authenticator code, which the matrix does not send.
  reauthenticate: row(401, {
    default: 'ok',
    'cbp-admin': 400,
    'cbp-officer': 400,
    'disabled-user': 403,
    'removed-company-user': 403,
  }),
};

let api: TestApi;
/** A category's proposal awaiting approval, if any. */
const proposalOf = async (category: string): Promise<{ proposedAt: string; proposedBy: string } | undefined> =>
  (await api.request('GET', '/deadline-proposals', { token: tokens['cbp-admin'] })).body.items.find(
    (p: { category: string }) => p.category === category,
  );

let secondAdmin: string | undefined;
/** A proposal for `category` by an administrator other than the matrix's, made if none waits. */
const proposedByAnother = async (category: string): Promise<string> => {
  secondAdmin ??= (await userWithRole(api, 'cbp-admin')).token;
  const waiting = await proposalOf(category);
  if (waiting) return waiting.proposedAt;
  const current = (await api.request('GET', '/deadlines', { token: secondAdmin })).body.items.find(
    (p: { category: string }) => p.category === category,
  );
  const made = await api.request('POST', `/deadlines/${category}/proposal`, {
    token: secondAdmin,
    body: { revision: current.revision, deadline: null, newEnrolleeDays: 400, reminderDays: [30], reason: 'Matrix.' },
  });
  expect(made.status).toBe(201);
  return made.body.proposedAt;
};

const tokens = {} as Record<Persona, string | undefined>;
let companyA: string;
let companyB: string;
let companyR: string;
let pocToken: string;
let cells = 0;
/** Mutating routes seen to write exactly one audit record on success. */
const audited = new Set<string>();
/** Reads that are audited whoever reads; and those audited when CBP reads. */
const AUDITED_READS: readonly string[] = ['partnerView', 'exportCompany'];
const CBP_AUDITED_READS: readonly string[] = [
  'getAccountInfo',
  'getSecurityProfile',
  'getProfileVersion',
  'diffSecurityProfile',
];
const auditedReads = new Set<string>();

beforeAll(async () => {
  api = await startTestApi();
  const admin = await userWithRole(api, 'cbp-admin');
  const officer = await userWithRole(api, 'cbp-officer');
  const a = await enrollCompany(api, admin.token);
  const b = await enrollCompany(api, admin.token);
  const r = await enrollCompany(api, admin.token);
  companyA = a.companyId;
  // Company A is certified and suspended (a suspension restricts no route), so its POC can appeal.
  let versionA = a.version;
  for (const body of [
    { to: 'certified', reason: 'Matrix.' },
    { to: 'suspended', reason: 'Matrix.', actionPlan: 'Matrix plan.' },
  ]) {
    const res = await api.request('POST', `/companies/${a.companyId}/program-status`, {
      token: admin.token,
      body: { version: versionA, ...body },
    });
    expect(res.status).toBe(200);
    versionA = res.body.version;
  }
  companyB = b.companyId;
  companyR = r.companyId;
  const poc = await userWithRole(api, 'primary-poc', a.companyId, a.pocEmail);
  pocToken = poc.token;
  const grant = async (permissions: { editProfile: boolean; authorizeSharing: boolean }) => {
    const email = uniqueEmail('member');
    const u = await userWithRole(api, 'company-user', a.companyId, email);
    const res = await api.request('PATCH', `/companies/${a.companyId}/users/${u.userId}`, {
      token: poc.token,
      body: { version: 1, permissions },
    });
    expect(res.status).toBe(200);
    return u.token;
  };
  const disabled = await userWithRole(api, 'company-user', a.companyId);
  expect(
    (
      await api.request('PATCH', `/companies/${a.companyId}/users/${disabled.userId}`, {
        token: poc.token,
        body: { version: 1, status: 'disabled' },
      })
    ).status,
  ).toBe(200);
  const removedPoc = await userWithRole(api, 'primary-poc', r.companyId, r.pocEmail);
  // Company A has its account information and a complete profile, so reads and certification succeed.
  expect(
    (await api.request('PUT', `/companies/${a.companyId}/account-info`, { token: poc.token, body: accountInfoFor(0) }))
      .status,
  ).toBe(200);
  expect(
    (
      await api.request('PUT', `/companies/${a.companyId}/security-profile`, {
        token: poc.token,
        body: { version: 0, answers: completeAnswers('importer') },
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await api.request('POST', `/companies/${r.companyId}/removal`, {
        token: officer.token,
        body: { version: 1, reason: 'Removed for the matrix.' },
      })
    ).status,
  ).toBe(200);
  Object.assign(tokens, {
    anonymous: undefined,
    'cbp-admin': admin.token,
    'cbp-officer': officer.token,
    'primary-poc': poc.token,
    'company-user': await grant({ editProfile: false, authorizeSharing: false }),
    'company-user+edit': await grant({ editProfile: true, authorizeSharing: false }),
    'company-user+share': await grant({ editProfile: false, authorizeSharing: true }),
    'other-company-poc': (await userWithRole(api, 'primary-poc', b.companyId, b.pocEmail)).token,
    'disabled-user': disabled.token,
    'removed-company-user': removedPoc.token,
  });
});
afterAll(async () => {
  console.log(
    `[authorization matrix] ${cells} cells checked: ${ROUTES.length} routes x ${PERSONAS.length} personas, and a partner with each scope asking for each`,
  );
  await api.close();
});

/** A request for each route that succeeds when the persona may make it. */
const requestFor = async (route: RouteDefinition, persona: Persona): Promise<{ path: string } & RequestOptions> => {
  const company = persona === 'removed-company-user' ? companyR : companyA;
  const freshUser = async () => (await userWithRole(api, 'company-user', company)).userId;
  switch (route.id as RouteId) {
    case 'health':
    case 'ready':
    case 'openapi':
    case 'getMe':
      return { path: route.path };
    case 'login':
    case 'newPassword':
    case 'requestAccount':
    case 'refresh':
    case 'logout':
    case 'forgotPassword':
    case 'confirmForgotPassword':
    case 'answerMfa':
    case 'startMfaSetup':
    case 'finishMfaSetup':
      return { path: route.path, body: { not: 'valid' } };
    case 'startTotp':
      return { path: route.path, body: { accessToken: 'not.an-access-token-of-this-user' } };
    case 'confirmTotp':
      return { path: route.path, body: { accessToken: 'not.an-access-token-of-this-user', code: '123456' } };
    case 'enrollCompany':
      return { path: route.path, body: enrollmentInput() };
    case 'getCompany':
    case 'listCompanyUsers':
      return { path: route.path.replace('{companyId}', company) };
    case 'getCompanyUser':
      return { path: `/companies/${company}/users/${await freshUser()}` };
    case 'addCompanyUser':
      return {
        path: `/companies/${company}/users`,
        body: {
          email: uniqueEmail('added'),
          name: 'Added',
          permissions: { editProfile: false, authorizeSharing: false },
        },
      };
    case 'updateCompanyUser':
      return {
        path: `/companies/${company}/users/${await freshUser()}`,
        body: { version: 1, permissions: { editProfile: true, authorizeSharing: false } },
      };
    case 'removeCompanyUser':
      return { path: `/companies/${company}/users/${await freshUser()}`, headers: { 'if-match': '1' } };
    case 'handOverPrimaryPoc':
      return { path: `/companies/${company}/primary-poc`, body: { userId: await freshUser() } };
    case 'resendInvitation':
      return {
        path: `/companies/${persona === 'cbp-admin' ? await invitedPoc() : `${company}/users/${await invitedUser(company)}`}/invitation`,
      };
    case 'listStaff':
      return { path: route.path };
    case 'getAccountInfo':
    case 'getSecurityProfile':
    case 'listProfileVersions':
    case 'listCertifications':
      return { path: route.path.replace('{companyId}', company) };
    case 'getProfileVersion':
      return { path: `/companies/${company}/security-profile/versions/1` };
    case 'diffSecurityProfile':
      return { path: `/companies/${company}/security-profile/diff?from=1&to=1` };
    case 'saveAccountInfo':
      return {
        path: `/companies/${company}/account-info`,
        body: accountInfoFor(await currentVersion(`/companies/${company}/account-info`)),
      };
    case 'saveSecurityProfile':
      return {
        path: `/companies/${company}/security-profile`,
        body: {
          version: await currentVersion(`/companies/${company}/security-profile`),
          answers: completeAnswers('importer'),
        },
      };
    case 'certify':
      // The signature needs the POC's password confirmed within minutes (decision 95).
      if (persona === 'primary-poc') await reauthenticate(api, tokens['primary-poc']!);
      return {
        path: `/companies/${company}/certifications`,
        body: { profileVersion: await currentVersion(`/companies/${company}/security-profile`), attestation: true },
      };
    case 'reviewCertification':
      return {
        path: `/companies/${company}/certifications/${await submittedCertification(company)}/review`,
        body: { decision: 'return', comments: 'Please describe seal control at each facility.' },
      };
    case 'addStaff':
      return { path: route.path, body: { email: uniqueEmail('staff'), name: 'New Staff', role: 'cbp-officer' } };
    case 'updateStaff':
      return {
        path: `/staff/${(await userWithRole(api, 'cbp-officer')).userId}`,
        // Version 2: the sign-in that set up the officer's authenticator app marked them enrolled.
        body: { version: 2, status: 'disabled' },
      };
    case 'listDeadlines':
      return { path: route.path };
    case 'deadlineHistory':
      return { path: '/deadlines/exporter/history' };
    case 'proposeDeadline': {
      // One proposal per category: one left by an earlier run is withdrawn first.
      const waiting = await proposalOf('mexican-manufacturer');
      if (waiting)
        await api.request('POST', '/deadlines/mexican-manufacturer/proposal/decision', {
          token: tokens['cbp-admin'],
          body: { decision: 'withdraw', proposedAt: waiting.proposedAt },
        });
      const current = (await api.request('GET', '/deadlines', { token: tokens['cbp-admin'] })).body.items.find(
        (p: { category: string }) => p.category === 'mexican-manufacturer',
      );
      return {
        path: '/deadlines/mexican-manufacturer/proposal',
        body: { revision: current.revision, deadline: null, newEnrolleeDays: 20, reminderDays: [7], reason: 'Matrix.' },
      };
    }
    case 'listDeadlineProposals':
      return { path: route.path };
    case 'decideDeadlineProposal':
      // The two-person rule: another administrator proposed it; the matrix's administrator approves.
      return {
        path: '/deadlines/sea-carrier/proposal/decision',
        body: { decision: 'approve', proposedAt: await proposedByAnother('sea-carrier') },
      };
    case 'deadlineImpact':
      return {
        path: '/deadlines/exporter/impact',
        body: { deadline: null, newEnrolleeDays: 90, reminderDays: [30, 7] },
      };
    case 'reviseDeadline': {
      const current = (await api.request('GET', '/deadlines', { token: tokens['cbp-admin'] })).body.items.find(
        (p: { category: string }) => p.category === 'exporter',
      );
      return {
        path: '/deadlines/exporter',
        body: {
          revision: current.revision,
          deadline: null,
          newEnrolleeDays: 90,
          reminderDays: [30, 7],
          reason: 'Matrix revision.',
        },
      };
    }
    case 'extendDeadline':
      return {
        path: `/companies/${(await freshCompany()).companyId}/deadline-extension`,
        body: { deadline: futureDate(), reason: 'Matrix extension.' },
      };
    case 'removeCompany':
      return {
        path: `/companies/${(await freshCompany()).companyId}/removal`,
        body: { version: 1, reason: 'Matrix removal.' },
      };
    case 'changeProgramStatus':
      // A fresh company is an applicant at version 1, which CBP certifies.
      return {
        path: `/companies/${(await freshCompany()).companyId}/program-status`,
        body: { version: 1, to: 'certified', reason: 'Matrix certification.' },
      };
    case 'assignSpecialist':
      return {
        path: `/companies/${(await freshCompany()).companyId}/specialist`,
        body: { version: 1, userId: (await userWithRole(api, 'cbp-officer')).userId },
      };
    case 'getWorklist':
      return { path: route.path };
    case 'scheduleValidation':
      return {
        path: `/companies/${(await freshCompany()).companyId}/validations`,
        body: { scheduledFor: futureDate(), sites: ['Matrix warehouse'] },
      };
    case 'listValidations':
      return { path: `/companies/${company}/validations` };
    case 'agreeValidationDate': {
      const v = isCbpPersona(persona) ? await validationAt('awaiting-cbp') : await validationOfA();
      return {
        path: `/companies/${v.companyId}/validations/${v.validationId}/date`,
        body: { version: v.version, decision: 'confirm' },
      };
    }
    case 'reportValidation': {
      const v = isCbpPersona(persona) ? await validationAt('scheduled') : await validationOfA();
      return {
        path: `/companies/${v.companyId}/validations/${v.validationId}/report`,
        body: { version: v.version, summary: 'Matrix report.', actions: [] },
      };
    }
    case 'answerAction': {
      const v = await validationOfA();
      // Each persona that may answer answers its own action.
      const actionId = persona === 'company-user+edit' ? 'A2' : 'A1';
      return {
        path: `/companies/${company}/validations/${v.validationId}/actions/${actionId}/answer`,
        body: { version: v.version, text: 'Matrix answer.' },
      };
    }
    case 'reviewAction': {
      const v = isCbpPersona(persona) ? await validationAt('answered') : await validationOfA();
      return {
        path: `/companies/${v.companyId}/validations/${v.validationId}/actions/A1/review`,
        body: { version: v.version, decision: 'accept' },
      };
    }
    case 'reauthenticate':
      return { path: route.path, body: { password: TEST_PASSWORD } };
    case 'fileAppeal':
      return { path: `/companies/${company}/appeal`, body: { statement: 'Matrix appeal.' } };
    case 'decideAppeal': {
      // Only an administrator gets past the role check: only they need a real appeal to decide.
      const appealed = persona === 'cbp-admin' ? await appealedCompany() : { companyId: company, version: 1 };
      return {
        path: `/companies/${appealed.companyId}/appeal/decision`,
        body: { version: appealed.version, decision: 'grant', comments: 'Matrix decision.' },
      };
    }
    case 'reinstateCompany':
      return {
        path: `/companies/${(await removedCompany()).companyId}/reinstatement`,
        body: { version: 2, reason: 'Matrix reinstatement.', deadline: futureDate() },
      };
    case 'reapply':
      return { path: `/companies/${company}/reapplication`, body: { statement: 'We have fixed what was missing.' } };
    case 'changePoc':
      return {
        path: `/companies/${(await freshCompany()).companyId}/poc-change`,
        body: { version: 1, pocEmail: uniqueEmail('new-poc'), reason: 'Matrix change of point of contact.' },
      };
    case 'setSecondaryContact':
      return {
        path: `/companies/${company}/secondary-contact`,
        body: {
          version: await currentVersion(`/companies/${company}`),
          name: 'Matrix Contact',
          email: uniqueEmail('secondary'),
        },
      };
    case 'listThreads':
      return { path: `/companies/${company}/threads` };
    case 'startThread':
      return { path: `/companies/${company}/threads`, body: { subject: 'Matrix thread', body: 'Hello.' } };
    case 'listMessages':
      return { path: `/companies/${company}/threads/${await threadIn(company)}/messages` };
    case 'postMessage':
      return { path: `/companies/${company}/threads/${await threadIn(company)}/messages`, body: { body: 'A reply.' } };
    case 'publishAlert':
      return { path: route.path, body: alertFor([companyA]) };
    case 'alertReach':
      return { path: route.path, body: { audience: { scope: 'companies', companyIds: [companyA, companyR] } } };
    case 'approveAlert': {
      // The two-person rule: the other CBP persona wrote it.
      const author = persona === 'cbp-admin' ? tokens['cbp-officer'] : tokens['cbp-admin'];
      const written = await api.request('POST', '/alerts', {
        token: author,
        body: { ...alertFor([companyA]), kind: 'sanitized-intelligence' },
      });
      expect(written.status).toBe(201);
      return { path: `/alerts/${written.body.alertId}/approval` };
    }
    case 'listAlerts':
      return { path: route.path };
    case 'getAlert':
    case 'acknowledgeAlert':
    case 'listAcknowledgements':
      return { path: route.path.replace('{alertId}', await sharedAlert()) };
    case 'listGrants':
    case 'listGrantRequests':
    case 'companyAudit':
    case 'exportCompany':
      return { path: route.path.replace('{companyId}', company) };
    case 'createGrant':
      return {
        path: `/companies/${company}/grants`,
        body: { grantee: { type: 'company', companyId: companyB }, scope: 'status', expiresOn: futureDate() },
      };
    case 'revokeGrant': {
      const made = await api.request('POST', `/companies/${companyA}/grants`, {
        token: tokens['primary-poc'],
        body: { grantee: { type: 'program', program: 'eu-aeo' }, scope: 'status', expiresOn: futureDate() },
      });
      expect(made.status).toBe(201);
      return { path: `/companies/${company}/grants/${made.body.grantId}` };
    }
    case 'sharedWithMe':
    case 'portalAudit':
    case 'portalAuditCsv':
    case 'listCompanies':
    case 'companiesCsv':
    case 'complianceOverview':
      return { path: route.path };
    case 'partnerView':
      await grantFromB();
      return { path: `/partners/${companyB}` };
    case 'requestGrant':
      return { path: `/partners/${(await freshCompany()).companyId}/grant-requests`, body: { scope: 'status' } };
    case 'requestGrantByCode':
      return { path: route.path, body: { partnerCode: (await freshCompany()).sviCode, scope: 'status' } };
    case 'decideGrantRequest': {
      const asked = await api.request('POST', `/partners/${companyA}/grant-requests`, {
        token: tokens['other-company-poc'],
        body: { scope: 'status' },
      });
      expect(asked.status).toBe(201);
      return {
        path: `/companies/${company}/grant-requests/${asked.body.requestId}/decision`,
        body: { decision: 'decline' },
      };
    }
    case 'decideReapplication':
      return {
        path: `/companies/${(await reapplyingCompany()).companyId}/reapplication/decision`,
        body: { decision: 'accept', deadline: futureDate(), comments: 'Welcome back.' },
      };
  }
  throw new Error(`no request for ${route.id}`);
};

const alertFor = (companyIds: string[]) => ({
  kind: 'cargo-security-alert',
  title: 'Matrix alert',
  body: 'Check seals.',
  severity: 'high',
  audience: { scope: 'companies', companyIds },
});
let shared: Promise<string> | undefined;
/** One alert, delivered to company A and to the removed company R. */
const sharedAlert = (): Promise<string> =>
  (shared ??= api
    .request('POST', '/alerts', { token: tokens['cbp-officer'], body: alertFor([companyA, companyR]) })
    .then((res) => {
      expect(res.status).toBe(201);
      return res.body.alertId as string;
    }));

/** A thread CBP started with the company. */
const threadIn = async (companyId: string): Promise<string> => {
  const res = await api.request('POST', `/companies/${companyId}/threads`, {
    token: tokens['cbp-officer'],
    body: { subject: 'Seal records for the matrix', body: 'Please confirm.' },
  });
  expect(res.status).toBe(201);
  return res.body.threadId;
};
let fromB: Promise<void> | undefined;
/** Company B grants company A its status, once. */
const grantFromB = (): Promise<void> =>
  (fromB ??= api
    .request('POST', `/companies/${companyB}/grants`, {
      token: tokens['other-company-poc'],
      body: { grantee: { type: 'company', companyId: companyA }, scope: 'status', expiresOn: futureDate() },
    })
    .then((res) => {
      expect(res.status).toBe(201);
    }));
const futureDate = () => new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
const freshCompany = () => enrollCompany(api, tokens['cbp-admin']!);
/** A user the primary POC invited (who has not signed in yet); in a removed company, a provisioned one. */
const invitedUser = async (companyId: string): Promise<string> => {
  if (companyId !== companyA) return (await userWithRole(api, 'company-user', companyId)).userId;
  const added = await api.request('POST', `/companies/${companyId}/users`, {
    token: pocToken,
    body: {
      email: uniqueEmail('invited'),
      name: 'Invited',
      permissions: { editProfile: false, authorizeSharing: false },
    },
  });
  expect(added.status).toBe(201);
  return added.body.userId;
};
/** `<companyId>/users/<userId>` of a new company's primary POC whose account was just requested. */
const invitedPoc = async (): Promise<string> => {
  const company = await freshCompany();
  expect((await api.request('POST', '/auth/signup', { body: { email: company.pocEmail } })).status).toBe(202);
  const users = await api.request('GET', `/companies/${company.companyId}/users`, { token: tokens['cbp-admin'] });
  return `${company.companyId}/users/${users.body.items[0].userId}`;
};
const removedCompany = async () => {
  const company = await freshCompany();
  expect(
    (
      await api.request('POST', `/companies/${company.companyId}/removal`, {
        token: tokens['cbp-officer'],
        body: { version: 1, reason: 'Removed to test.' },
      })
    ).status,
  ).toBe(200);
  return company;
};
const isCbpPersona = (persona: Persona) => persona === 'cbp-admin' || persona === 'cbp-officer';
/** A question every importer is asked, as a required action's criterion. */
const criterion = async () => {
  const { questionsFor } = await import('../../functions/definitions/criteria.ts');
  const [section] = questionsFor('importer');
  return `${section!.id}.${section!.questions[0]!.id}`;
};
type ValidationAt = { companyId: string; validationId: string; version: number };
/** A fresh company's validation at one step: its date awaiting CBP, agreed, or reported with action A1 answered. */
const validationAt = async (step: 'awaiting-cbp' | 'scheduled' | 'answered'): Promise<ValidationAt> => {
  const company = await freshCompany();
  const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
  const base = `/companies/${company.companyId}/validations`;
  const call = async (path: string, token: string | undefined, body: object) => {
    const res = await api.request('POST', path, { token, body });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body as ValidationAt;
  };
  let v = await call(base, tokens['cbp-admin'], { scheduledFor: futureDate(), sites: ['Matrix warehouse'] });
  const at = (suffix: string) => `${base}/${v.validationId}/${suffix}`;
  if (step === 'awaiting-cbp')
    return call(at('date'), poc.token, { version: v.version, decision: 'propose', date: futureDate() });
  v = await call(at('date'), poc.token, { version: v.version, decision: 'confirm' });
  if (step === 'scheduled') return v;
  v = await call(at('report'), tokens['cbp-admin'], {
    version: v.version,
    summary: 'Matrix report.',
    actions: [{ criterion: await criterion(), finding: 'Matrix finding.', dueOn: futureDate() }],
  });
  return call(at('actions/A1/answer'), poc.token, { version: v.version, text: 'Matrix answer.' });
};
/** Company A's validation, reported with two actions (A1 for its POC, A2 for its user allowed to edit), read as it is now. */
let reportedOfA: Promise<string> | undefined;
const validationOfA = async (): Promise<ValidationAt> => {
  reportedOfA ??= (async () => {
    const base = `/companies/${companyA}/validations`;
    const call = async (path: string, token: string | undefined, body: object) => {
      const res = await api.request('POST', path, { token, body });
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      return res.body as ValidationAt;
    };
    let v = await call(base, tokens['cbp-admin'], { scheduledFor: futureDate(), sites: ['Matrix warehouse'] });
    v = await call(`${base}/${v.validationId}/date`, pocToken, { version: v.version, decision: 'confirm' });
    const actions = [1, 2].map(async () => ({
      criterion: await criterion(),
      finding: 'Matrix finding.',
      dueOn: futureDate(),
    }));
    v = await call(`${base}/${v.validationId}/report`, tokens['cbp-admin'], {
      version: v.version,
      summary: 'Matrix report.',
      actions: await Promise.all(actions),
    });
    return v.validationId;
  })();
  const validationId = await reportedOfA;
  const read = await api.request('GET', `/companies/${companyA}/validations`, { token: tokens['cbp-admin'] });
  return read.body.items.find((v: ValidationAt) => v.validationId === validationId);
};

/** A company CBP certified and suspended, whose primary POC has appealed. */
const appealedCompany = async (): Promise<{ companyId: string; version: number }> => {
  const company = await freshCompany();
  let version = company.version;
  for (const body of [
    { to: 'certified', reason: 'Matrix.' },
    { to: 'suspended', reason: 'Matrix.', actionPlan: 'Matrix plan.' },
  ]) {
    const res = await api.request('POST', `/companies/${company.companyId}/program-status`, {
      token: tokens['cbp-admin'],
      body: { version, ...body },
    });
    expect(res.status).toBe(200);
    version = res.body.version;
  }
  const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
  const filed = await api.request('POST', `/companies/${company.companyId}/appeal`, {
    token: poc.token,
    body: { statement: 'Matrix appeal.' },
  });
  expect(filed.status).toBe(200);
  return { companyId: company.companyId, version: filed.body.version };
};
const reapplyingCompany = async () => {
  const company = await freshCompany();
  const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
  expect(
    (
      await api.request('POST', `/companies/${company.companyId}/removal`, {
        token: tokens['cbp-officer'],
        body: { version: 1, reason: 'Removed to test.' },
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await api.request('POST', `/companies/${company.companyId}/reapplication`, {
        token: poc.token,
        body: { statement: 'Please take us back.' },
      })
    ).status,
  ).toBe(200);
  return company;
};

/** The version CBP reads now (tests edit as whichever persona they check). */
const currentVersion = async (path: string): Promise<number> =>
  (await api.request('GET', path, { token: tokens['cbp-admin'] })).body?.version ?? 0;

/** A submitted certification to review, written straight to the table (the route under test is the review). */
const submittedCertification = async (companyId: string): Promise<string> => {
  const certificationId = randomUUID();
  const now = new Date().toISOString();
  await createCertification({
    companyId,
    certificationId,
    profileVersion: 1,
    certifiedBy: 'test',
    certifiedAt: now,
    nextDueAt: now,
    status: 'submitted',
  });
  return certificationId;
};

// Hand-over changes who the POC is, so it runs last.
const ordered = [...(ROUTES as readonly RouteDefinition[])].sort(
  (a, b) => Number(a.id === 'handOverPrimaryPoc') - Number(b.id === 'handOverPrimaryPoc'),
);

describe('authorization matrix', () => {
  it('has a row for every route of the route table', () => {
    for (const route of ROUTES) expect(MATRIX[route.id as RouteId], `no matrix row for ${route.id}`).toBeDefined();
  });

  describe.each(ordered.map((r) => [r.id, r] as const))('%s', (_id, route) => {
    it.each(PERSONAS.map((p) => [p] as const))('%s', async (persona) => {
      const expected = MATRIX[route.id as RouteId][persona];
      const { path, ...options } = await requestFor(route, persona);
      const before = await auditCount();
      const res = await api.request(route.method, path, { ...options, token: tokens[persona] });
      cells += 1;
      if (expected === 'ok')
        expect(res.status, `${route.id} as ${persona}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      else {
        expect(res.status, `${route.id} as ${persona}`).toBe(expected);
        expect(res.body.error.code).toEqual(expect.any(String));
      }
      // Every change, and every read of confidential data (CBP reading a company's records, a
      // partner reading through a grant, an export), leaves exactly one audit record; a refused
      // request, and any other read, leaves none.
      const auditedRead =
        AUDITED_READS.includes(route.id) || (CBP_AUDITED_READS.includes(route.id) && persona.startsWith('cbp-'));
      const written = expected === 'ok' && (route.mutates || auditedRead) ? 1 : 0;
      expect(await auditCount(), `${route.id} as ${persona}: audit records written`).toBe(before + written);
      if (written && route.mutates) audited.add(route.id);
      if (written && !route.mutates) auditedReads.add(route.id);
    });
  });

  it('sees every mutating route write exactly one audit record per change', async () => {
    // The public account request is refused above (an invalid body); here it creates an account.
    const company = await freshCompany();
    const before = await auditCount();
    expect((await api.request('POST', '/auth/signup', { body: { email: company.pocEmail } })).status).toBe(202);
    expect(await auditCount()).toBe(before + 1);
    audited.add('requestAccount');
    // "Forgot password" from someone who never chose one sends a new invitation, audited (once
    // the first invitation's cool-down has passed: the portal's clock moves 11 minutes on).
    const { useClock } = await import('../../functions/domain/clock.ts');
    useClock({ now: () => new Date(Date.now() + 11 * 60_000) });
    const beforeReset = await auditCount();
    expect((await api.request('POST', '/auth/forgot-password', { body: { email: company.pocEmail } })).status).toBe(
      202,
    );
    expect(await auditCount()).toBe(beforeReset + 1);
    useClock({ now: () => new Date() });
    audited.add('forgotPassword');
    // Setting up an authenticator app needs the user's own access token and a code from the app.
    const { totp } = await import('../../lib/local/totp.ts');
    const user = await userWithRole(api, 'company-user', companyA, uniqueEmail('app'));
    const { accessToken } = (
      await api.request('POST', '/auth/login', {
        body: { email: user.email, password: 'correct horse battery staple 2006' },
      })
    ).body.tokens;
    const { secretCode } = (await api.request('POST', '/me/mfa/totp', { token: user.token, body: { accessToken } }))
      .body;
    const beforeApp = await auditCount();
    expect(
      (
        await api.request('POST', '/me/mfa/totp/verification', {
          token: user.token,
          body: { accessToken, code: totp(secretCode) },
        })
      ).status,
    ).toBe(200);
    expect(await auditCount()).toBe(beforeApp + 1);
    audited.add('confirmTotp');
    // CBP staff set their app up inside their first sign-in (the staff pool requires one).
    const officer = uniqueEmail('new-officer');
    const { provisionUser } = await import('../../functions/domain/users.ts');
    const { allPorts } = await import('../../lib/local/all-ports.ts');
    const password = 'correct horse battery staple 2006';
    await provisionUser(allPorts, {
      email: officer,
      name: 'New Officer',
      companyId: 'CBP',
      role: 'cbp-officer',
      password,
    });
    const challenge = (await api.request('POST', '/auth/login', { body: { email: officer, password } })).body;
    const setup = (
      await api.request('POST', '/auth/mfa-setup', { body: { email: officer, session: challenge.session } })
    ).body;
    const beforeSetup = await auditCount();
    const finished = await api.request('POST', '/auth/mfa-setup/verify', {
      body: { email: officer, session: setup.session, code: totp(setup.secretCode) },
    });
    expect(finished.status).toBe(200);
    expect(await auditCount()).toBe(beforeSetup + 1);
    audited.add('finishMfaSetup');
    const mutating = ROUTES.filter((r) => r.mutates).map((r) => r.id);
    console.log(
      `[audit coverage] ${mutating.filter((id) => audited.has(id)).length}/${mutating.length} mutating routes write exactly one audit record per change; ` +
        `${auditedReads.size}/${AUDITED_READS.length + CBP_AUDITED_READS.length} confidential reads one per read; refused requests and other reads write none`,
    );
    expect(mutating.filter((id) => !audited.has(id))).toEqual([]);
    expect([...AUDITED_READS, ...CBP_AUDITED_READS].filter((id) => !auditedReads.has(id))).toEqual([]);
  });

  it('keeps the hand-over honest: the old POC is now a company user', async () => {
    const me = await api.request('GET', '/me', { token: pocToken });
    expect(me.body.role).toBe('company-user');
  });
});

describe('a partner with each scope', () => {
  const GRANTED = ['none', 'status', 'profile-summary', 'profile'] as const;
  const ASKED = ['status', 'profile-summary', 'profile'] as const;
  /** Granted scope -> asked scope -> outcome: a grant shows its scope and the narrower ones, nothing wider; no grant, nothing at all. */
  const PARTNER: Record<(typeof GRANTED)[number], Record<(typeof ASKED)[number], Outcome>> = {
    none: { status: 404, 'profile-summary': 404, profile: 404 },
    status: { status: 'ok', 'profile-summary': 403, profile: 403 },
    'profile-summary': { status: 'ok', 'profile-summary': 'ok', profile: 403 },
    profile: { status: 'ok', 'profile-summary': 'ok', profile: 'ok' },
  };
  const partners = {} as Record<(typeof GRANTED)[number], string>;

  beforeAll(async () => {
    for (const scope of GRANTED) {
      // (A's designated sharer grants: the matrix handed A's primary role to another user.)
      const company = await freshCompany();
      partners[scope] = (await userWithRole(api, 'company-user', company.companyId)).token;
      if (scope === 'none') continue;
      const made = await api.request('POST', `/companies/${companyA}/grants`, {
        token: tokens['company-user+share'],
        body: { grantee: { type: 'company', companyId: company.companyId }, scope, expiresOn: futureDate() },
      });
      expect(made.status).toBe(201);
    }
  });

  it.each(GRANTED.flatMap((granted) => ASKED.map((asked) => [granted, asked] as const)))(
    'granted %s, asking for %s',
    async (granted, asked) => {
      const res = await api.request('GET', `/partners/${companyA}?scope=${asked}`, { token: partners[granted] });
      const expected = PARTNER[granted][asked];
      cells += 1;
      if (expected === 'ok') {
        expect(res.status).toBe(200);
        expect(res.body.scope).toBe(asked);
        expect('profile' in res.body).toBe(asked === 'profile');
        expect('completeness' in res.body).toBe(asked !== 'status');
      } else expect(res.status).toBe(expected);
    },
  );
});
