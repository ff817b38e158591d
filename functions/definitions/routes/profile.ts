/** Routes: Portal Account Information, the versioned Security Profile and annual certification. */
import { AccountInfo, SaveAccountInfo } from '../../schemas/account-info.ts';
import { Id } from '../../schemas/common.ts';
import {
  Certification,
  CertificationList,
  Certify,
  DiffQuery,
  ProfileDiff,
  ProfileVersion,
  ProfileVersionPage,
  Review,
  SaveProfile,
  VersionNumber,
} from '../../schemas/profile.ts';
import { ListQuery } from '../../schemas/users.ts';
import { ALL_ROLES, CBP_ROLES, COMPANY_ROLES } from '../roles.ts';
import type { RouteDefinition } from './types.ts';

export const getAccountInfo = {
  id: 'getAccountInfo',
  method: 'GET',
  path: '/companies/{companyId}/account-info',
  handler: 'get-account-info',
  auth: ALL_ROLES,
  summary: "The company's Portal Account Information (its users, or CBP)",
  pathParams: { companyId: Id },
  response: AccountInfo,
  access: ['table:read', 'table:write'],
  mutates: false,
} as const satisfies RouteDefinition;

export const saveAccountInfo = {
  id: 'saveAccountInfo',
  method: 'PUT',
  path: '/companies/{companyId}/account-info',
  handler: 'save-account-info',
  auth: COMPANY_ROLES,
  summary:
    'Replace the Portal Account Information (primary POC, or a user allowed to edit; names the version it edits, 0 for the first)',
  pathParams: { companyId: Id },
  body: SaveAccountInfo,
  response: AccountInfo,
  access: ['table:read', 'table:write'],
  mutates: true,
  example: {
    version: 0,
    contacts: [
      {
        name: 'Dana Reyes',
        title: 'Director of Trade Compliance',
        email: 'poc@acme-imports.example.com',
        phone: '+12025550143',
      },
    ],
    headquarters: { line1: '100 Harbor Way', city: 'Baltimore', region: 'MD', postalCode: '21230', country: 'US' },
    facilities: [
      {
        name: 'Dundalk warehouse',
        kind: 'warehouse',
        address: { line1: '2700 Broening Hwy', city: 'Baltimore', region: 'MD', postalCode: '21222', country: 'US' },
      },
    ],
    identifiers: { iorNumber: '12-3456789AB', ein: '12-3456789' },
  },
} as const satisfies RouteDefinition;

export const getSecurityProfile = {
  id: 'getSecurityProfile',
  method: 'GET',
  path: '/companies/{companyId}/security-profile',
  handler: 'get-security-profile',
  auth: ALL_ROLES,
  summary: 'The current Supply Chain Security Profile with its completeness',
  pathParams: { companyId: Id },
  response: ProfileVersion,
  access: ['table:read', 'table:write'],
  mutates: false,
} as const satisfies RouteDefinition;

export const saveSecurityProfile = {
  id: 'saveSecurityProfile',
  method: 'PUT',
  path: '/companies/{companyId}/security-profile',
  handler: 'save-security-profile',
  auth: COMPANY_ROLES,
  summary:
    'Save the whole profile as a new immutable version (names the version it edits, 0 for the first; a stale one is 409)',
  pathParams: { companyId: Id },
  body: SaveProfile,
  response: ProfileVersion,
  successStatus: 201,
  access: ['table:read', 'table:write'],
  mutates: true,
  example: { version: 0, answers: { 'personnel-security': { 'pre-employment-verification': true } } },
} as const satisfies RouteDefinition;

export const listProfileVersions = {
  id: 'listProfileVersions',
  method: 'GET',
  path: '/companies/{companyId}/security-profile/versions',
  handler: 'list-profile-versions',
  auth: ALL_ROLES,
  summary: 'Every saved version, newest first: who, when, what changed',
  pathParams: { companyId: Id },
  query: ListQuery,
  response: ProfileVersionPage,
  access: ['table:read'],
  mutates: false,
} as const satisfies RouteDefinition;

export const getProfileVersion = {
  id: 'getProfileVersion',
  method: 'GET',
  path: '/companies/{companyId}/security-profile/versions/{version}',
  handler: 'get-profile-version',
  auth: ALL_ROLES,
  summary: 'One saved version of the profile',
  pathParams: { companyId: Id, version: VersionNumber },
  response: ProfileVersion,
  access: ['table:read', 'table:write'],
  mutates: false,
} as const satisfies RouteDefinition;

export const diffSecurityProfile = {
  id: 'diffSecurityProfile',
  method: 'GET',
  path: '/companies/{companyId}/security-profile/diff',
  handler: 'diff-security-profile',
  auth: ALL_ROLES,
  summary: 'What changed between two versions (?from=&to=), section by section',
  pathParams: { companyId: Id },
  query: DiffQuery,
  response: ProfileDiff,
  access: ['table:read', 'table:write'],
  mutates: false,
} as const satisfies RouteDefinition;

export const certify = {
  id: 'certify',
  method: 'POST',
  path: '/companies/{companyId}/certifications',
  handler: 'certify',
  auth: ['primary-poc'],
  summary:
    'The primary POC certifies the current, complete profile: the first at once, later ones from 90 days before the due date, a sent-back one at once; an unchanged profile needs reviewedUnchanged: true',
  pathParams: { companyId: Id },
  body: Certify,
  example: { profileVersion: 1, attestation: true },
  response: Certification,
  successStatus: 201,
  access: ['table:read', 'table:write'],
  mutates: true,
} as const satisfies RouteDefinition;

export const listCertifications = {
  id: 'listCertifications',
  method: 'GET',
  path: '/companies/{companyId}/certifications',
  handler: 'list-certifications',
  auth: ALL_ROLES,
  summary: "The company's certifications, newest first",
  pathParams: { companyId: Id },
  response: CertificationList,
  access: ['table:read'],
  mutates: false,
} as const satisfies RouteDefinition;

export const reviewCertification = {
  id: 'reviewCertification',
  method: 'POST',
  path: '/companies/{companyId}/certifications/{certificationId}/review',
  handler: 'review-certification',
  auth: CBP_ROLES,
  summary: 'CBP approves a certification or sends it back with comments',
  pathParams: { companyId: Id, certificationId: Id },
  body: Review,
  example: { decision: 'return', comments: 'Describe how seals are recorded at the Dundalk warehouse.' },
  response: Certification,
  access: ['table:read', 'table:write'],
  mutates: true,
} as const satisfies RouteDefinition;

export const PROFILE_ROUTES = [
  getAccountInfo,
  saveAccountInfo,
  getSecurityProfile,
  saveSecurityProfile,
  listProfileVersions,
  getProfileVersion,
  diffSecurityProfile,
  certify,
  listCertifications,
  reviewCertification,
] as const;
