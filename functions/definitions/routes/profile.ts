/** Routes: Portal Account Information, the versioned Security Profile and annual certification. */
import { ALL_ROLES, CBP_ROLES, COMPANY_ROLES } from '../roles.ts';
import type { Route } from './types.ts';

export const getAccountInfo = {
  id: 'getAccountInfo',
  method: 'GET',
  path: '/companies/{companyId}/account-info',
  handler: 'get-account-info',
  auth: ALL_ROLES,
  summary: "The company's Portal Account Information (its users, or CBP)",
  access: ['table:read', 'table:write'],
  mutates: false,
} as const satisfies Route;

export const saveAccountInfo = {
  id: 'saveAccountInfo',
  method: 'PUT',
  path: '/companies/{companyId}/account-info',
  handler: 'save-account-info',
  auth: COMPANY_ROLES,
  summary:
    'Replace the Portal Account Information (primary POC, or a user allowed to edit; names the version it edits, 0 for the first)',
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'The account information changed since the version you read (`version_conflict`)',
  },
} as const satisfies Route;

export const getSecurityProfile = {
  id: 'getSecurityProfile',
  method: 'GET',
  path: '/companies/{companyId}/security-profile',
  handler: 'get-security-profile',
  auth: ALL_ROLES,
  summary: 'The current Supply Chain Security Profile with its completeness',
  access: ['table:read', 'table:write'],
  mutates: false,
} as const satisfies Route;

export const saveSecurityProfile = {
  id: 'saveSecurityProfile',
  method: 'PUT',
  path: '/companies/{companyId}/security-profile',
  handler: 'save-security-profile',
  auth: COMPANY_ROLES,
  summary:
    'Save the whole profile as a new immutable version (names the version it edits, 0 for the first; a stale one is 409)',
  successStatus: 201,
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'The security profile changed since the version you read (`version_conflict`)',
  },
} as const satisfies Route;

export const listProfileVersions = {
  id: 'listProfileVersions',
  method: 'GET',
  path: '/companies/{companyId}/security-profile/versions',
  handler: 'list-profile-versions',
  auth: ALL_ROLES,
  summary: 'Every saved version, newest first: who, when, what changed',
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const getProfileVersion = {
  id: 'getProfileVersion',
  method: 'GET',
  path: '/companies/{companyId}/security-profile/versions/{version}',
  handler: 'get-profile-version',
  auth: ALL_ROLES,
  summary: 'One saved version of the profile',
  access: ['table:read', 'table:write'],
  mutates: false,
} as const satisfies Route;

export const diffSecurityProfile = {
  id: 'diffSecurityProfile',
  method: 'GET',
  path: '/companies/{companyId}/security-profile/diff',
  handler: 'diff-security-profile',
  auth: ALL_ROLES,
  summary: 'What changed between two versions (?from=&to=), section by section',
  access: ['table:read', 'table:write'],
  mutates: false,
} as const satisfies Route;

export const certify = {
  id: 'certify',
  method: 'POST',
  path: '/companies/{companyId}/certifications',
  handler: 'certify',
  auth: ['primary-poc'],
  summary:
    'The primary POC certifies the current, complete profile: the first at once, later ones from 90 days before the due date, a sent-back one at once; an unchanged profile needs reviewedUnchanged: true',
  successStatus: 201,
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'The profile changed since the version you certify (`version_conflict`), or the review window is not open (`window_not_open`)',
  },
  idempotency: 'key',
} as const satisfies Route;

export const listCertifications = {
  id: 'listCertifications',
  method: 'GET',
  path: '/companies/{companyId}/certifications',
  handler: 'list-certifications',
  auth: ALL_ROLES,
  summary: "The company's certifications, newest first",
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const reviewCertification = {
  id: 'reviewCertification',
  method: 'POST',
  path: '/companies/{companyId}/certifications/{certificationId}/review',
  handler: 'review-certification',
  auth: CBP_ROLES,
  summary: 'CBP approves a certification or sends it back with comments',
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'The certification was already reviewed (`already_reviewed`), or the company changed meanwhile',
  },
  idempotency: 'key',
} as const satisfies Route;

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
