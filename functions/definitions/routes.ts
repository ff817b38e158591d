/**
 * The route table: every HTTP endpoint as plain data. The CDK stack turns each entry into an
 * API Gateway method and a Lambda function; the local dev server serves the same entries; the
 * OpenAPI document, the authorization matrix and the fuzz suite are generated from it.
 */
import { ALL_ROLES, CBP_ROLES, COMPANY_ROLES, type Role } from './roles.ts';
import { ChangePoc, EnrollCompany, CompanyView, SetSecondaryContact } from '../schemas/company.ts';
import { AnswerMfa, ConfirmTotp, Login, LoginResult, MfaEnrolled, NewPassword, StartTotp, TotpSecret } from '../schemas/auth.ts';
import { Me } from '../schemas/me.ts';
import { CompanyListQuery, CompanyPage, ComplianceOverview, OverviewQuery } from '../schemas/compliance.ts';
import { Id } from '../schemas/common.ts';
import { AccountInfo, SaveAccountInfo } from '../schemas/account-info.ts';
import {
  Certification, CertificationList, Certify, DiffQuery, ProfileDiff, ProfileVersion, ProfileVersionPage, Review, SaveProfile, VersionNumber,
} from '../schemas/profile.ts';
import type * as z from 'zod/v4';
import { Acknowledged, AcknowledgementPage, Alert, AlertPage, PublishAlert } from '../schemas/alerts.ts';
import { MessagePage, PostMessage, StartThread, Thread, ThreadMessage, ThreadPage } from '../schemas/messages.ts';
import {
  AuditPage, AuditQuery, CompanyExport, CreateGrant, DecideGrantRequest, Grant, GrantPage, GrantRequest, GrantRequestPage, GrantRequestQuery, PartnerQuery, PartnerView,
  PortalAuditQuery, RequestGrant, SharedWithMe,
} from '../schemas/sharing.ts';
import {
  CategoryParam, DeadlinePolicy, DeadlinePolicyList, DecideReapplication, ExtendDeadline, Reapply, ReinstateCompany, RemoveCompany, ReviseDeadline,
} from '../schemas/deadlines.ts';
import {
  AccountRequest, AddStaff, AddUser, ConfirmForgotPassword, ForgotPassword, HandOver, HandOverResult, ListQuery, Logout, Message, Refresh,
  UpdateStaff, UpdateUser, User, UserPage,
} from '../schemas/users.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route's function may touch in AWS; the CDK stack grants exactly this. */
/**
 * `cognito:invite` creates identities (and may delete one it just made); `cognito:manage`
 * enables, disables, regroups and deletes existing ones.
 */
export type Access = 'table:read' | 'table:write' | 'cognito:auth' | 'cognito:invite' | 'cognito:manage' | 'email:send';

export interface RouteDefinition {
  /** Stable id: OpenAPI operationId and the CDK construct id. */
  readonly id: string;
  readonly method: HttpMethod;
  /** API Gateway path template, e.g. `/companies/{companyId}`. */
  readonly path: string;
  /** Module under `functions/handlers/` exporting `handler`. */
  readonly handler: string;
  /** `public`, or the roles allowed past the authorizer (checked again in the domain). */
  readonly auth: 'public' | readonly Role[];
  /** Whether users of a removed company may call it (reading messages, reapplying, seeing and revoking what it shared, its trail). */
  readonly allowRemovedCompany?: boolean;
  /** Whether CBP staff who have not set up an authenticator app yet may call it (who am I, the set-up). */
  readonly allowWithoutMfa?: boolean;
  readonly summary: string;
  readonly pathParams?: Readonly<Record<string, z.ZodType>>;
  /** Query-string schema (lists: cursor and limit). */
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** A valid body: shown in the OpenAPI document and mutated by the fuzz suite. */
  readonly example?: Readonly<Record<string, unknown>>;
  readonly response?: z.ZodType;
  /** Status of a successful answer (default 200). */
  readonly successStatus?: number;
  readonly access: readonly Access[];
  /** Whether a successful call changes state (and so must write an audit record). */
  readonly mutates: boolean;
}

export const ROUTES = [
  { id: 'health', method: 'GET', path: '/health', handler: 'health', auth: 'public', summary: 'Liveness check', access: [], mutates: false },
  { id: 'openapi', method: 'GET', path: '/openapi.json', handler: 'openapi', auth: 'public', summary: 'This API as an OpenAPI 3 document', access: [], mutates: false },
  {
    id: 'login', method: 'POST', path: '/auth/login', handler: 'login', auth: 'public',
    summary: 'Sign in with email and password; answers tokens or the NEW_PASSWORD_REQUIRED challenge',
    body: Login, example: { email: 'officer@cbp.example.gov', password: 'a long passphrase of mine' }, response: LoginResult,
    // table:read: a first sign-in checks the invitation's age on the portal's clock.
    access: ['cognito:auth', 'table:read'], mutates: false,
  },
  {
    id: 'newPassword', method: 'POST', path: '/auth/new-password', handler: 'new-password', auth: 'public',
    summary: 'Answer the NEW_PASSWORD_REQUIRED challenge of a first sign-in', body: NewPassword, response: LoginResult,
    example: { email: 'poc@acme-imports.example.com', session: 'session-from-the-login-answer', newPassword: 'a new long passphrase 2006' },
    access: ['cognito:auth'], mutates: false,
  },
  {
    id: 'getMe', method: 'GET', path: '/me', handler: 'get-me', auth: ALL_ROLES, allowRemovedCompany: true, allowWithoutMfa: true,
    summary: "The caller's identity, role and company, from the portal's records", response: Me, access: ['table:read'], mutates: false,
  },
  {
    id: 'enrollCompany', method: 'POST', path: '/companies', handler: 'enroll-company', auth: CBP_ROLES,
    summary: 'Enroll a company in C-TPAT (CBP)', body: EnrollCompany, response: CompanyView, successStatus: 201,
    example: {
      legalName: 'Acme Imports LLC', category: 'importer', pocEmail: 'poc@acme-imports.example.com', pocName: 'Dana Reyes',
      identifiers: { iorNumber: '12-3456789AB', ein: '12-3456789' },
    },
    access: ['table:read', 'table:write'], mutates: true,
  },
  {
    id: 'listCompanies', method: 'GET', path: '/companies', handler: 'list-companies', auth: CBP_ROLES,
    summary: 'A page of enrolled companies with their next due date, filtered by status, category and due date (CBP)', query: CompanyListQuery, response: CompanyPage,
    access: ['table:read'], mutates: false,
  },
  {
    id: 'complianceOverview', method: 'GET', path: '/compliance/overview', handler: 'compliance-overview', auth: CBP_ROLES,
    summary: 'Companies by status and category, and due dates and removals per month (CBP)', query: OverviewQuery, response: ComplianceOverview,
    access: ['table:read'], mutates: false,
  },
  {
    id: 'getCompany', method: 'GET', path: '/companies/{companyId}', handler: 'get-company', auth: ALL_ROLES, allowRemovedCompany: true,
    summary: "A company's enrollment record (CBP, or the company's own users)", pathParams: { companyId: Id }, response: CompanyView,
    access: ['table:read'], mutates: false,
  },
  {
    id: 'requestAccount', method: 'POST', path: '/auth/signup', handler: 'request-account', auth: 'public',
    summary: "Ask for the company's portal account with the registered POC email; the answer never says whether it is registered",
    body: AccountRequest, example: { email: 'poc@acme-imports.example.com' }, response: Message, successStatus: 202,
    access: ['table:read', 'table:write', 'cognito:invite', 'email:send'], mutates: true,
  },
  {
    id: 'refresh', method: 'POST', path: '/auth/refresh', handler: 'refresh', auth: 'public',
    summary: 'New tokens from a refresh token', body: Refresh, example: { refreshToken: 'refresh-token-from-the-login-answer' }, response: LoginResult,
    access: ['cognito:auth'], mutates: false,
  },
  {
    id: 'logout', method: 'POST', path: '/auth/logout', handler: 'logout', auth: 'public',
    summary: 'Sign out: revokes the refresh token (and the access tokens issued with it); the answer is the same whether or not the token was valid',
    body: Logout, example: { refreshToken: 'refresh-token-from-the-login-answer' }, successStatus: 204,
    // Changes no portal record (Cognito forgets the token), so there is nothing to audit.
    access: ['cognito:auth'], mutates: false,
  },
  {
    id: 'forgotPassword', method: 'POST', path: '/auth/forgot-password', handler: 'forgot-password', auth: 'public',
    summary: 'Send a password-reset code (or, to someone who never chose a password, a new invitation); the answer never says whether the email has an account',
    body: ForgotPassword, example: { email: 'poc@acme-imports.example.com' }, response: Message, successStatus: 202,
    access: ['table:read', 'table:write', 'cognito:auth', 'cognito:invite', 'email:send'], mutates: true,
  },
  {
    id: 'confirmForgotPassword', method: 'POST', path: '/auth/confirm-forgot-password', handler: 'confirm-forgot-password', auth: 'public',
    summary: 'Set a new password with the reset code', body: ConfirmForgotPassword,
    example: { email: 'poc@acme-imports.example.com', code: '123456', newPassword: 'a new long passphrase 2006' }, response: Message,
    access: ['cognito:auth'], mutates: false,
  },
  {
    id: 'listCompanyUsers', method: 'GET', path: '/companies/{companyId}/users', handler: 'list-company-users', auth: ['primary-poc', ...CBP_ROLES],
    summary: "A page of the company's users (its primary POC, or CBP)", pathParams: { companyId: Id }, query: ListQuery, response: UserPage,
    access: ['table:read'], mutates: false,
  },
  {
    id: 'addCompanyUser', method: 'POST', path: '/companies/{companyId}/users', handler: 'add-company-user', auth: ['primary-poc'],
    summary: 'Add a user to the company and email their invitation (primary POC)', pathParams: { companyId: Id }, body: AddUser,
    example: { email: 'analyst@acme-imports.example.com', name: 'Jordan Lee', permissions: { editProfile: true, authorizeSharing: false } },
    response: User, successStatus: 201, access: ['table:read', 'table:write', 'cognito:invite', 'email:send'], mutates: true,
  },
  {
    id: 'getCompanyUser', method: 'GET', path: '/companies/{companyId}/users/{userId}', handler: 'get-company-user', auth: ['primary-poc', ...CBP_ROLES],
    summary: "One of the company's users (its primary POC, or CBP)", pathParams: { companyId: Id, userId: Id }, response: User,
    access: ['table:read'], mutates: false,
  },
  {
    id: 'updateCompanyUser', method: 'PATCH', path: '/companies/{companyId}/users/{userId}', handler: 'update-company-user', auth: ['primary-poc'],
    summary: "Change a user's permissions, or disable / re-enable them (primary POC; names the version it read)", pathParams: { companyId: Id, userId: Id },
    body: UpdateUser, example: { version: 1, status: 'disabled' }, response: User, access: ['table:read', 'table:write', 'cognito:manage'], mutates: true,
  },
  {
    id: 'removeCompanyUser', method: 'DELETE', path: '/companies/{companyId}/users/{userId}', handler: 'remove-company-user', auth: ['primary-poc'],
    summary: 'Remove a user (primary POC; send the version in If-Match)', pathParams: { companyId: Id, userId: Id }, successStatus: 204,
    access: ['table:read', 'table:write', 'cognito:manage'], mutates: true,
  },
  {
    id: 'resendInvitation', method: 'POST', path: '/companies/{companyId}/users/{userId}/invitation', handler: 'resend-invitation', auth: ['primary-poc', 'cbp-admin'],
    summary: "Send a new invitation to a user who never chose a password (the primary POC for their users, a CBP administrator for a company's primary POC)",
    pathParams: { companyId: Id, userId: Id }, response: Message, successStatus: 202,
    access: ['table:read', 'table:write', 'cognito:invite', 'email:send'], mutates: true,
  },
  {
    id: 'handOverPrimaryPoc', method: 'POST', path: '/companies/{companyId}/primary-poc', handler: 'hand-over-primary-poc', auth: ['primary-poc'],
    summary: 'Hand the primary-POC role to another active user; the old POC becomes a company user', pathParams: { companyId: Id },
    body: HandOver, example: { userId: '00000000-0000-4000-8000-000000000000' }, response: HandOverResult,
    access: ['table:read', 'table:write', 'cognito:manage'], mutates: true,
  },
  {
    id: 'listStaff', method: 'GET', path: '/staff', handler: 'list-staff', auth: ['cbp-admin'],
    summary: 'A page of CBP staff accounts (CBP administrators)', query: ListQuery, response: UserPage, access: ['table:read'], mutates: false,
  },
  {
    id: 'addStaff', method: 'POST', path: '/staff', handler: 'add-staff', auth: ['cbp-admin'],
    summary: 'Add a CBP officer or administrator and email their invitation', body: AddStaff,
    example: { email: 'new.officer@cbp.example.gov', name: 'Robin Diaz', role: 'cbp-officer' }, response: User, successStatus: 201,
    access: ['table:read', 'table:write', 'cognito:invite', 'email:send'], mutates: true,
  },
  {
    id: 'updateStaff', method: 'PATCH', path: '/staff/{userId}', handler: 'update-staff', auth: ['cbp-admin'],
    summary: 'Disable or re-enable a staff account (names the version it read)', pathParams: { userId: Id }, body: UpdateStaff,
    example: { version: 1, status: 'disabled' }, response: User, access: ['table:read', 'table:write', 'cognito:manage'], mutates: true,
  },
  {
    id: 'getAccountInfo', method: 'GET', path: '/companies/{companyId}/account-info', handler: 'get-account-info', auth: ALL_ROLES,
    summary: "The company's Portal Account Information (its users, or CBP)", pathParams: { companyId: Id }, response: AccountInfo,
    access: ['table:read', 'table:write'], mutates: false,
  },
  {
    id: 'saveAccountInfo', method: 'PUT', path: '/companies/{companyId}/account-info', handler: 'save-account-info', auth: COMPANY_ROLES,
    summary: 'Replace the Portal Account Information (primary POC, or a user allowed to edit; names the version it edits, 0 for the first)',
    pathParams: { companyId: Id }, body: SaveAccountInfo, response: AccountInfo, access: ['table:read', 'table:write'], mutates: true,
    example: {
      version: 0,
      contacts: [{ name: 'Dana Reyes', title: 'Director of Trade Compliance', email: 'poc@acme-imports.example.com', phone: '+12025550143' }],
      headquarters: { line1: '100 Harbor Way', city: 'Baltimore', region: 'MD', postalCode: '21230', country: 'US' },
      facilities: [{ name: 'Dundalk warehouse', kind: 'warehouse', address: { line1: '2700 Broening Hwy', city: 'Baltimore', region: 'MD', postalCode: '21222', country: 'US' } }],
      identifiers: { iorNumber: '12-3456789AB', ein: '12-3456789' },
    },
  },
  {
    id: 'getSecurityProfile', method: 'GET', path: '/companies/{companyId}/security-profile', handler: 'get-security-profile', auth: ALL_ROLES,
    summary: 'The current Supply Chain Security Profile with its completeness', pathParams: { companyId: Id }, response: ProfileVersion,
    access: ['table:read', 'table:write'], mutates: false,
  },
  {
    id: 'saveSecurityProfile', method: 'PUT', path: '/companies/{companyId}/security-profile', handler: 'save-security-profile', auth: COMPANY_ROLES,
    summary: 'Save the whole profile as a new immutable version (names the version it edits, 0 for the first; a stale one is 409)',
    pathParams: { companyId: Id }, body: SaveProfile, response: ProfileVersion, successStatus: 201, access: ['table:read', 'table:write'], mutates: true,
    example: { version: 0, answers: { 'personnel-security': { 'pre-employment-verification': true } } },
  },
  {
    id: 'listProfileVersions', method: 'GET', path: '/companies/{companyId}/security-profile/versions', handler: 'list-profile-versions', auth: ALL_ROLES,
    summary: 'Every saved version, newest first: who, when, what changed', pathParams: { companyId: Id }, query: ListQuery, response: ProfileVersionPage,
    access: ['table:read'], mutates: false,
  },
  {
    id: 'getProfileVersion', method: 'GET', path: '/companies/{companyId}/security-profile/versions/{version}', handler: 'get-profile-version', auth: ALL_ROLES,
    summary: 'One saved version of the profile', pathParams: { companyId: Id, version: VersionNumber }, response: ProfileVersion,
    access: ['table:read', 'table:write'], mutates: false,
  },
  {
    id: 'diffSecurityProfile', method: 'GET', path: '/companies/{companyId}/security-profile/diff', handler: 'diff-security-profile', auth: ALL_ROLES,
    summary: 'What changed between two versions (?from=&to=), section by section', pathParams: { companyId: Id }, query: DiffQuery, response: ProfileDiff,
    access: ['table:read', 'table:write'], mutates: false,
  },
  {
    id: 'certify', method: 'POST', path: '/companies/{companyId}/certifications', handler: 'certify', auth: ['primary-poc'],
    summary:
      'The primary POC certifies the current, complete profile: the first at once, later ones from 90 days before the due date, a sent-back one at once; an unchanged profile needs reviewedUnchanged: true',
    pathParams: { companyId: Id }, body: Certify, example: { profileVersion: 1, attestation: true }, response: Certification, successStatus: 201,
    access: ['table:read', 'table:write'], mutates: true,
  },
  {
    id: 'listCertifications', method: 'GET', path: '/companies/{companyId}/certifications', handler: 'list-certifications', auth: ALL_ROLES,
    summary: "The company's certifications, newest first", pathParams: { companyId: Id }, response: CertificationList, access: ['table:read'], mutates: false,
  },
  {
    id: 'reviewCertification', method: 'POST', path: '/companies/{companyId}/certifications/{certificationId}/review', handler: 'review-certification', auth: CBP_ROLES,
    summary: 'CBP approves a certification or sends it back with comments', pathParams: { companyId: Id, certificationId: Id }, body: Review,
    example: { decision: 'return', comments: 'Describe how seals are recorded at the Dundalk warehouse.' }, response: Certification,
    access: ['table:read', 'table:write'], mutates: true,
  },
  {
    id: 'listDeadlines', method: 'GET', path: '/deadlines', handler: 'list-deadlines', auth: ALL_ROLES,
    summary: "Every enrollment category's portal-update deadline and reminder ladder in force", response: DeadlinePolicyList,
    access: ['table:read'], mutates: false,
  },
  {
    id: 'reviseDeadline', method: 'PUT', path: '/deadlines/{category}', handler: 'revise-deadline', auth: ['cbp-admin'],
    summary: "Revise a category's deadline or reminder ladder (CBP administrator; names the revision it replaces; takes effect at the next sweep)",
    pathParams: { category: CategoryParam }, body: ReviseDeadline, response: DeadlinePolicy, access: ['table:read', 'table:write'], mutates: true,
    example: { revision: 0, deadline: '2006-08-01', newEnrolleeDays: 60, reminderDays: [30, 14, 7, 1], reason: 'CBP moved the importer deadline to August 1, 2006.' },
  },
  {
    id: 'deadlineHistory', method: 'GET', path: '/deadlines/{category}/history', handler: 'deadline-history', auth: CBP_ROLES,
    summary: "Every revision of a category's deadline policy, newest first: who, when, why (CBP)", pathParams: { category: CategoryParam },
    response: DeadlinePolicyList, access: ['table:read'], mutates: false,
  },
  {
    id: 'extendDeadline', method: 'POST', path: '/companies/{companyId}/deadline-extension', handler: 'extend-deadline', auth: ['cbp-admin'],
    summary: "Give one company a later portal-update deadline (CBP administrator, with the reason)", pathParams: { companyId: Id }, body: ExtendDeadline,
    example: { deadline: '2006-09-15', reason: 'Facility damaged by a hurricane; records being rebuilt.' }, response: CompanyView,
    access: ['table:read', 'table:write', 'email:send'], mutates: true,
  },
  {
    id: 'removeCompany', method: 'POST', path: '/companies/{companyId}/removal', handler: 'remove-company', auth: CBP_ROLES,
    summary: 'Remove a company from the program (CBP; names the version it read); the POC and the program mailbox are told', pathParams: { companyId: Id },
    body: RemoveCompany, example: { version: 1, reason: 'Validation visit found the security program not implemented.' }, response: CompanyView,
    access: ['table:read', 'table:write', 'email:send'], mutates: true,
  },
  {
    id: 'reinstateCompany', method: 'POST', path: '/companies/{companyId}/reinstatement', handler: 'reinstate-company', auth: ['cbp-admin'],
    summary: 'Reinstate a removed company (CBP administrator), with the reason and a new due date for what it had missed', pathParams: { companyId: Id },
    body: ReinstateCompany, example: { version: 2, reason: 'The update was filed on paper before the deadline.', deadline: '2006-09-01' }, response: CompanyView,
    access: ['table:read', 'table:write', 'email:send'], mutates: true,
  },
  {
    id: 'reapply', method: 'POST', path: '/companies/{companyId}/reapplication', handler: 'reapply', auth: ['primary-poc'], allowRemovedCompany: true,
    summary: "A removed company's primary POC applies to rejoin the program", pathParams: { companyId: Id }, body: Reapply,
    example: { statement: 'We have completed our security profile and named a new security manager.' }, response: CompanyView,
    access: ['table:read', 'table:write', 'email:send'], mutates: true,
  },
  {
    id: 'decideReapplication', method: 'POST', path: '/companies/{companyId}/reapplication/decision', handler: 'decide-reapplication', auth: CBP_ROLES,
    summary: 'Accept a reapplication with a new portal-update deadline, or decline it (CBP)', pathParams: { companyId: Id }, body: DecideReapplication,
    example: { decision: 'accept', deadline: '2006-11-01', comments: 'Welcome back.' }, response: CompanyView,
    access: ['table:read', 'table:write', 'email:send'], mutates: true,
  },
  {
    id: 'changePoc', method: 'POST', path: '/companies/{companyId}/poc-change', handler: 'change-poc', auth: ['cbp-admin'],
    summary: "Change the company's registered POC email, with the reason (CBP administrator; names the company version). Both addresses are told; an existing primary-POC account is disabled",
    pathParams: { companyId: Id }, body: ChangePoc, response: CompanyView,
    example: { version: 1, pocEmail: 'new.poc@acme-imports.example.com', pocName: 'Morgan Blake', reason: 'The registered POC left the company; the company asked by letter of 2006-06-12.' },
    access: ['table:read', 'table:write', 'cognito:manage', 'email:send'], mutates: true,
  },
  {
    id: 'setSecondaryContact', method: 'PUT', path: '/companies/{companyId}/secondary-contact', handler: 'set-secondary-contact', auth: ['primary-poc'],
    summary: 'Name or replace the secondary contact, who also receives deadline reminders and removal notices (primary POC; names the company version)',
    pathParams: { companyId: Id }, body: SetSecondaryContact, response: CompanyView,
    example: { version: 1, name: 'Jordan Lee', email: 'compliance@acme-imports.example.com' },
    access: ['table:read', 'table:write'], mutates: true,
  },
  {
    id: 'listThreads', method: 'GET', path: '/companies/{companyId}/threads', handler: 'list-threads', auth: ALL_ROLES, allowRemovedCompany: true,
    summary: "The company's secure message threads with CBP, most recent first, each with the caller's side's unread count", pathParams: { companyId: Id },
    query: ListQuery, response: ThreadPage, access: ['table:read'], mutates: false,
  },
  {
    id: 'startThread', method: 'POST', path: '/companies/{companyId}/threads', handler: 'start-thread', auth: ALL_ROLES, allowRemovedCompany: true,
    summary: 'Start a secure thread between the company and CBP (the other side gets a notice without the content)', pathParams: { companyId: Id },
    body: StartThread, example: { subject: 'Seal verification at the Dundalk warehouse', body: 'Our new seal log is attached to the profile; please confirm it meets the criteria.' },
    response: Thread, successStatus: 201, access: ['table:read', 'table:write', 'email:send'], mutates: true,
  },
  {
    id: 'listMessages', method: 'GET', path: '/companies/{companyId}/threads/{threadId}/messages', handler: 'list-messages', auth: ALL_ROLES, allowRemovedCompany: true,
    summary: "A page of the thread's messages, oldest first; reading marks the thread read for the caller's side", pathParams: { companyId: Id, threadId: Id },
    query: ListQuery, response: MessagePage, access: ['table:read', 'table:write'], mutates: false,
  },
  {
    id: 'postMessage', method: 'POST', path: '/companies/{companyId}/threads/{threadId}/messages', handler: 'post-message', auth: ALL_ROLES, allowRemovedCompany: true,
    summary: 'Reply in a thread (the other side gets a notice without the content)', pathParams: { companyId: Id, threadId: Id },
    body: PostMessage, example: { body: 'Thank you; the log meets the criteria.' }, response: ThreadMessage, successStatus: 201,
    access: ['table:read', 'table:write', 'email:send'], mutates: true,
  },
  {
    id: 'publishAlert', method: 'POST', path: '/alerts', handler: 'publish-alert', auth: CBP_ROLES,
    summary: 'Publish a cargo security alert (goes out at once) or submit sanitized intelligence (goes out once a second CBP person approves it)',
    body: PublishAlert, response: Alert, successStatus: 201, access: ['table:read', 'table:write'], mutates: true,
    example: {
      kind: 'cargo-security-alert', title: 'Seal tampering reported at Gulf ports', body: 'Verify bolt seals on every inbound container and report anomalies.',
      severity: 'high', audience: { scope: 'categories', categories: ['importer', 'sea-carrier'] },
    },
  },
  {
    id: 'approveAlert', method: 'POST', path: '/alerts/{alertId}/approval', handler: 'approve-alert', auth: CBP_ROLES,
    summary: 'Approve a sanitized intelligence bulletin written by another CBP person (two-person rule); it then goes out', pathParams: { alertId: Id },
    response: Alert, access: ['table:read', 'table:write'], mutates: true,
  },
  {
    id: 'listAlerts', method: 'GET', path: '/alerts', handler: 'list-alerts', auth: ALL_ROLES, allowRemovedCompany: true,
    summary: "CBP: every alert, newest first. A company's users: its inbox, with the high-severity alerts it has not acknowledged",
    query: ListQuery, response: AlertPage, access: ['table:read'], mutates: false,
  },
  {
    id: 'getAlert', method: 'GET', path: '/alerts/{alertId}', handler: 'get-alert', auth: ALL_ROLES, allowRemovedCompany: true,
    summary: 'One alert with its body (CBP, or the users of a company it was sent to)', pathParams: { alertId: Id }, response: Alert.partial(),
    access: ['table:read'], mutates: false,
  },
  {
    id: 'acknowledgeAlert', method: 'POST', path: '/alerts/{alertId}/acknowledgement', handler: 'acknowledge-alert', auth: COMPANY_ROLES, allowRemovedCompany: true,
    summary: 'Acknowledge an alert sent to your company (again changes nothing)', pathParams: { alertId: Id }, response: Acknowledged,
    access: ['table:read', 'table:write'], mutates: true,
  },
  {
    id: 'listAcknowledgements', method: 'GET', path: '/alerts/{alertId}/acknowledgements', handler: 'list-acknowledgements', auth: CBP_ROLES,
    summary: 'Per company the alert reached: whether it acknowledged, and which users did (CBP)', pathParams: { alertId: Id }, query: ListQuery,
    response: AcknowledgementPage, access: ['table:read'], mutates: false,
  },
  {
    id: 'answerMfa', method: 'POST', path: '/auth/mfa', handler: 'answer-mfa', auth: 'public',
    summary: 'The second step of a sign-in with an authenticator app: the six-digit code', body: AnswerMfa,
    example: { email: 'officer@cbp.example.gov', session: 'session-from-the-login-answer', code: '123456' }, response: LoginResult,
    access: ['cognito:auth'], mutates: false,
  },
  {
    id: 'startTotp', method: 'POST', path: '/me/mfa/totp', handler: 'start-totp', auth: ALL_ROLES, allowWithoutMfa: true,
    summary: 'Start setting up an authenticator app: a new secret for it (send your access token; required of CBP staff)', body: StartTotp,
    example: { accessToken: 'access-token-from-the-login-answer' }, response: TotpSecret, access: ['cognito:auth', 'table:read'], mutates: false,
  },
  {
    id: 'confirmTotp', method: 'POST', path: '/me/mfa/totp/verification', handler: 'confirm-totp', auth: ALL_ROLES, allowWithoutMfa: true,
    summary: 'Finish setting up an authenticator app with its first code; from then on every sign-in asks for a code', body: ConfirmTotp,
    example: { accessToken: 'access-token-from-the-login-answer', code: '123456' }, response: MfaEnrolled, access: ['cognito:auth', 'table:read', 'table:write'], mutates: true,
  },
  {
    id: 'listGrants', method: 'GET', path: '/companies/{companyId}/grants', handler: 'list-grants', auth: ALL_ROLES, allowRemovedCompany: true,
    summary: "The company's sharing grants in every state: active, expired, revoked (its users, and CBP)", pathParams: { companyId: Id }, query: ListQuery,
    response: GrantPage, access: ['table:read'], mutates: false,
  },
  {
    id: 'createGrant', method: 'POST', path: '/companies/{companyId}/grants', handler: 'create-grant', auth: COMPANY_ROLES,
    summary: 'Grant another participant or a foreign customs program a scope of the company\'s data until a date (primary POC, or a user designated to authorize sharing)',
    pathParams: { companyId: Id }, body: CreateGrant, example: { grantee: { type: 'program', program: 'ca-pip' }, scope: 'status', expiresOn: '2027-06-30' },
    response: Grant, successStatus: 201, access: ['table:read', 'table:write'], mutates: true,
  },
  {
    id: 'revokeGrant', method: 'DELETE', path: '/companies/{companyId}/grants/{grantId}', handler: 'revoke-grant', auth: COMPANY_ROLES, allowRemovedCompany: true,
    summary: 'Revoke a grant at once (primary POC, or a user designated to authorize sharing)', pathParams: { companyId: Id, grantId: Id }, successStatus: 204,
    access: ['table:read', 'table:write'], mutates: true,
  },
  {
    id: 'sharedWithMe', method: 'GET', path: '/shared-with-me', handler: 'shared-with-me', auth: COMPANY_ROLES,
    summary: "What other companies shared with the caller's company and is in force today", query: ListQuery, response: SharedWithMe,
    access: ['table:read'], mutates: false,
  },
  {
    id: 'partnerView', method: 'GET', path: '/partners/{companyId}', handler: 'partner-view', auth: COMPANY_ROLES,
    summary: "Another company's data within the scope of a grant it made to the caller's company (recorded in its audit trail); 404 without one",
    pathParams: { companyId: Id }, query: PartnerQuery, response: PartnerView, access: ['table:read', 'table:write'], mutates: false,
  },
  {
    id: 'requestGrant', method: 'POST', path: '/partners/{companyId}/grant-requests', handler: 'request-grant', auth: COMPANY_ROLES,
    summary: 'Ask another participant company for a grant of a scope (primary POC, or a user designated to authorize sharing)', pathParams: { companyId: Id },
    body: RequestGrant, example: { scope: 'status', message: 'We are onboarding you as a carrier and need your C-TPAT status.' },
    response: GrantRequest, successStatus: 201, access: ['table:read', 'table:write'], mutates: true,
  },
  {
    id: 'listGrantRequests', method: 'GET', path: '/companies/{companyId}/grant-requests', handler: 'list-grant-requests', auth: ALL_ROLES,
    summary: 'Grant requests made to the company (incoming) or by it (outgoing)', pathParams: { companyId: Id }, query: GrantRequestQuery,
    response: GrantRequestPage, access: ['table:read'], mutates: false,
  },
  {
    id: 'decideGrantRequest', method: 'POST', path: '/companies/{companyId}/grant-requests/{requestId}/decision', handler: 'decide-grant-request', auth: COMPANY_ROLES,
    summary: 'Accept a grant request (a grant of the requested scope is made, until a date) or decline it', pathParams: { companyId: Id, requestId: Id },
    body: DecideGrantRequest, example: { decision: 'accept', expiresOn: '2027-06-30' }, response: GrantRequest, access: ['table:read', 'table:write'], mutates: true,
  },
  {
    id: 'companyAudit', method: 'GET', path: '/companies/{companyId}/audit', handler: 'company-audit', auth: ALL_ROLES, allowRemovedCompany: true,
    summary: "The company's audit trail, newest first, optionally one action and a time window (the company's users, and CBP)", pathParams: { companyId: Id },
    query: AuditQuery, response: AuditPage, access: ['table:read'], mutates: false,
  },
  {
    id: 'portalAudit', method: 'GET', path: '/audit', handler: 'portal-audit', auth: CBP_ROLES,
    summary: "The whole portal's audit trail for one UTC day, newest first (CBP)", query: PortalAuditQuery, response: AuditPage, access: ['table:read'], mutates: false,
  },
  {
    id: 'exportCompany', method: 'GET', path: '/companies/{companyId}/export', handler: 'export-company', auth: ['primary-poc'],
    summary: "Everything the portal holds about the company as one JSON document (primary POC; the export is audited)", pathParams: { companyId: Id },
    response: CompanyExport, access: ['table:read', 'table:write'], mutates: false,
  },
] as const satisfies readonly RouteDefinition[];

export type RouteId = (typeof ROUTES)[number]['id'];

const byId = new Map<string, RouteDefinition>(ROUTES.map((r) => [r.id, r]));

export const routeById = (id: RouteId): RouteDefinition => {
  const route = byId.get(id);
  if (!route) throw new Error(`No route ${id} in the route table`);
  return route;
};
