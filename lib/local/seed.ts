/**
 * The demo: CBP staff with printed passwords and companies in several categories, one of
 * which already has its POC account. Runs through the same domain functions as the API.
 */
import { CBP_COMPANY_ID } from '../../functions/definitions/roles.ts';
import type { Caller } from '../../functions/domain/caller.ts';
import { allPorts } from './all-ports.ts';
import * as companies from '../../functions/domain/companies.ts';
import { provisionUser } from '../../functions/domain/users.ts';
import * as auth from '../../functions/domain/auth.ts';
import { totp } from './totp.ts';
import type { EnrollCompany } from '../../functions/schemas/requests/companies.ts';
import type { CompanyView } from '../../functions/schemas/company.ts';
import type { Answers } from '../../functions/schemas/requests/profile.ts';
import * as profiles from '../../functions/domain/profiles.ts';
import { questionsFor } from '../../functions/definitions/criteria.ts';
import type { CategoryId } from '../../functions/definitions/categories.ts';
import type { ProgramStatusTarget } from '../../functions/definitions/program-status.ts';
import { changeProgramStatus } from '../../functions/domain/program-status.ts';
import { assignSpecialist } from '../../functions/domain/specialists.ts';

export interface DemoSignIn {
  readonly who: string;
  readonly email: string;
  readonly password: string;
  /** CBP staff's authenticator app (their pool requires one): `npm run code -- <email>` shows its code. */
  authenticatorSecret?: string;
}

/** The seed acts as this system identity; its audit records say so. */
const SEED_CALLER: Caller = {
  userId: 'system:seed',
  email: 'system@ctpat.local',
  name: 'Demo seed',
  role: 'cbp-admin',
  companyId: CBP_COMPANY_ID,
  permissions: { editProfile: false, authorizeSharing: false },
  company: { companyId: CBP_COMPANY_ID, legalName: 'U.S. Customs and Border Protection', status: 'cbp' },
  mfaEnrolled: true,
  sourceIp: 'local-seed',
};

/** The demo's companies, as CBP enrolls them (the email-content check reads their names too). */
export const DEMO_COMPANIES: readonly EnrollCompany[] = [
  {
    legalName: 'Acme Imports LLC',
    category: 'importer',
    pocEmail: 'poc@acme-imports.example.com',
    pocName: 'Dana Reyes',
    identifiers: { iorNumber: '12-3456789AB', ein: '12-3456789' },
  },
  {
    legalName: 'Harbor Home Goods Inc.',
    category: 'importer',
    pocEmail: 'compliance@harbor-home.example.com',
    pocName: 'Lee Park',
    identifiers: { iorNumber: '98-7654321', ein: '98-7654321' },
  },
  {
    legalName: 'Great Lakes Freight Co.',
    category: 'highway-carrier-us-canada',
    pocEmail: 'security@glfreight.example.com',
    pocName: 'Sam Novak',
    identifiers: { scac: 'GLFC' },
  },
  {
    legalName: 'Gulf Coast Terminals',
    category: 'port-authority-terminal-operator',
    pocEmail: 'ops@gulfcoast-terminals.example.com',
    pocName: 'Ana Ortiz',
    identifiers: { ein: '55-1234567' },
  },
  {
    legalName: 'Manufacturas del Norte S.A.',
    category: 'mexican-manufacturer',
    pocEmail: 'seguridad@mnorte.example.mx',
    pocName: 'Luis Garza',
    identifiers: { mid: 'MXMANNOR123MON' },
  },
  {
    legalName: 'Liberty Customs Brokers',
    category: 'customs-broker',
    pocEmail: 'broker@liberty-cb.example.com',
    pocName: 'Kim Walsh',
    identifiers: { filerCode: 'LB7' },
  },
];

/** Why the seed's CBP changed each demo company's program status. */
const SEED_STATUS_REASONS: Record<ProgramStatusTarget, string> = {
  certified: 'Security Profile reviewed and approved.',
  validated: 'Validation visit completed; no required actions remain.',
  suspended: 'Validation found container seals not verified at the cross-dock.',
};
const SEED_ACTION_PLAN =
  'Verify every container seal (VVTT: view, verify, tug, twist) at the cross-dock.\nSend the training records of the dock staff.';

/** Plausible answers to every question the category is asked. */
const demoAnswers = (category: CategoryId): Answers =>
  Object.fromEntries(
    questionsFor(category).map((section) => [
      section.id,
      Object.fromEntries(
        section.questions.map((q) => [
          q.id,
          q.kind === 'yes-no'
            ? true
            : q.kind === 'choice'
              ? q.choices![1]!
              : `Documented in our security manual, section "${q.id}".`,
        ]),
      ),
    ]),
  );

export const DEMO_PASSWORD = 'c-tpat-demo-password-2006';

/** The MFA_SETUP step of a first sign-in, as the web portal does it; answers the app's secret. */
const setUpAuthenticator = async (email: string, password: string): Promise<string> => {
  const first = await auth.login(allPorts, email, password);
  if (!('challenge' in first) || first.challenge !== 'MFA_SETUP')
    throw new Error(`The demo's ${email} was not asked to set up an authenticator app`);
  const setup = await auth.startMfaSetup(allPorts, email, first.session);
  const done = await auth.finishMfaSetup(allPorts, email, setup.session, totp(setup.secretCode), 'local');
  if (!('tokens' in done)) throw new Error(`The demo's ${email} got no tokens after setting up the app`);
  return setup.secretCode;
};

/** Creates the demo; returns the sign-ins to print. */
export const seedDemo = async (): Promise<DemoSignIn[]> => {
  const deps = allPorts;
  const signIns: DemoSignIn[] = [
    { who: 'CBP administrator', email: 'admin@cbp.example.gov', password: DEMO_PASSWORD },
    { who: 'CBP officer', email: 'officer@cbp.example.gov', password: DEMO_PASSWORD },
  ];
  await provisionUser(deps, {
    email: signIns[0]!.email,
    name: 'Pat Morgan',
    companyId: CBP_COMPANY_ID,
    role: 'cbp-admin',
    password: DEMO_PASSWORD,
  });
  const officerId = await provisionUser(deps, {
    email: signIns[1]!.email,
    name: 'Chris Alvarez',
    companyId: CBP_COMPANY_ID,
    role: 'cbp-officer',
    password: DEMO_PASSWORD,
  });
  // Cognito's staff pool requires an authenticator app: the demo's staff have one already, set
  // up the way a first sign-in does it; `npm run code -- <email>` shows what it would show now.
  for (const staff of signIns) staff.authenticatorSecret = await setUpAuthenticator(staff.email, DEMO_PASSWORD);

  const enrolled = [];
  for (const input of DEMO_COMPANIES) enrolled.push(await companies.enroll(deps, SEED_CALLER, input));

  // The program's statuses, one company or more in each: CBP certified most, validated Acme and
  // Liberty, suspended Great Lakes with an action plan; Gulf Coast is still an applicant.
  const STATUS_PATHS: readonly (readonly ProgramStatusTarget[])[] = [
    ['certified', 'validated'],
    ['certified'],
    ['certified', 'suspended'],
    [],
    ['certified'],
    ['certified', 'validated'],
  ];
  for (const [i, path] of STATUS_PATHS.entries()) {
    let company: CompanyView = enrolled[i]!;
    for (const to of path)
      company = await changeProgramStatus(deps, SEED_CALLER, company.companyId, {
        version: company.version,
        to,
        reason: SEED_STATUS_REASONS[to],
        ...(to === 'suspended' ? { actionPlan: SEED_ACTION_PLAN } : {}),
      });
    // The officer is every demo company's Supply Chain Security Specialist: their worklist has one in each status.
    enrolled[i] = await assignSpecialist(deps, SEED_CALLER, company.companyId, {
      version: company.version,
      userId: officerId,
    });
  }

  // Acme's POC already has an account; the other companies' POCs have yet to request theirs.
  const acme = enrolled[0]!;
  const acmePocId = await provisionUser(deps, {
    email: acme.pocEmail,
    name: 'Dana Reyes',
    companyId: acme.companyId,
    role: 'primary-poc',
    password: DEMO_PASSWORD,
  });
  await provisionUser(deps, {
    email: 'analyst@acme-imports.example.com',
    name: 'Jordan Lee',
    companyId: acme.companyId,
    role: 'company-user',
    password: DEMO_PASSWORD,
  });
  // Acme has completed its portal update: account information and every required profile answer.
  const acmePoc: Caller = {
    ...SEED_CALLER,
    userId: acmePocId,
    email: acme.pocEmail,
    name: 'Dana Reyes',
    role: 'primary-poc',
    companyId: acme.companyId,
    permissions: { editProfile: true, authorizeSharing: true },
    company: { companyId: acme.companyId, legalName: acme.legalName, status: 'active' },
  };
  await profiles.saveAccountInfo(deps, acmePoc, acme.companyId, {
    version: 0,
    contacts: [
      { name: 'Dana Reyes', title: 'Director of Trade Compliance', email: acme.pocEmail, phone: '+14105550143' },
    ],
    headquarters: { line1: '100 Harbor Way', city: 'Baltimore', region: 'MD', postalCode: '21230', country: 'US' },
    facilities: [
      {
        name: 'Dundalk warehouse',
        kind: 'warehouse',
        address: { line1: '2700 Broening Hwy', city: 'Baltimore', region: 'MD', postalCode: '21222', country: 'US' },
      },
    ],
    identifiers: acme.identifiers,
  });
  await profiles.saveProfile(deps, acmePoc, acme.companyId, { version: 0, answers: demoAnswers(acme.category) });
  signIns.push(
    { who: `Primary POC, ${acme.legalName}`, email: acme.pocEmail, password: DEMO_PASSWORD },
    { who: `Company user, ${acme.legalName}`, email: 'analyst@acme-imports.example.com', password: DEMO_PASSWORD },
  );
  return signIns;
};
