/** The request and response schemas of the routes in functions/definitions/routes/profile.ts, by route id. */
import { AccountInfo } from '../account-info.ts';
import { SaveAccountInfo } from '../requests/account-info.ts';
import { Id } from '../id.ts';
import { ListQuery } from '../list-query.ts';
import { Certification, CertificationList, ProfileDiff, ProfileVersion, ProfileVersionPage } from '../profile.ts';
import { Certify, DiffQuery, Review, SaveProfile, VersionNumber } from '../requests/profile.ts';
import type { RouteSchemaTable } from '../../definitions/routes/types.ts';
import type { PROFILE_ROUTES } from '../../definitions/routes/profile.ts';

export const PROFILE_SCHEMAS = {
  getAccountInfo: {
    pathParams: { companyId: Id },
    response: AccountInfo,
  },
  saveAccountInfo: {
    pathParams: { companyId: Id },
    body: SaveAccountInfo,
    response: AccountInfo,
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
  },
  getSecurityProfile: {
    pathParams: { companyId: Id },
    response: ProfileVersion,
  },
  saveSecurityProfile: {
    pathParams: { companyId: Id },
    body: SaveProfile,
    response: ProfileVersion,
    example: { version: 0, answers: { 'personnel-security': { 'pre-employment-verification': true } } },
  },
  listProfileVersions: {
    pathParams: { companyId: Id },
    query: ListQuery,
    response: ProfileVersionPage,
  },
  getProfileVersion: {
    pathParams: { companyId: Id, version: VersionNumber },
    response: ProfileVersion,
  },
  diffSecurityProfile: {
    pathParams: { companyId: Id },
    query: DiffQuery,
    response: ProfileDiff,
  },
  certify: {
    pathParams: { companyId: Id },
    body: Certify,
    example: { profileVersion: 1, attestation: true },
    response: Certification,
  },
  listCertifications: {
    pathParams: { companyId: Id },
    response: CertificationList,
  },
  reviewCertification: {
    pathParams: { companyId: Id, certificationId: Id },
    body: Review,
    example: { decision: 'return', comments: 'Describe how seals are recorded at the Dundalk warehouse.' },
    response: Certification,
  },
} as const satisfies RouteSchemaTable<typeof PROFILE_ROUTES>;
