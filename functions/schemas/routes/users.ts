/** The request and response schemas of the routes in functions/definitions/routes/users.ts, by route id. */
import { Id } from '../id.ts';
import { ListQuery } from '../list-query.ts';
import { HandOverResult, Message, User, UserPage } from '../users.ts';
import { AddStaff, AddUser, HandOver, IfMatchVersion, UpdateStaff, UpdateUser } from '../requests/users.ts';
import type { RouteSchemaTable } from '../../definitions/routes/types.ts';
import type { USERS_ROUTES } from '../../definitions/routes/users.ts';

export const USERS_SCHEMAS = {
  listCompanyUsers: {
    pathParams: { companyId: Id },
    query: ListQuery,
    response: UserPage,
  },
  addCompanyUser: {
    pathParams: { companyId: Id },
    body: AddUser,
    example: {
      email: 'analyst@acme-imports.example.com',
      name: 'Jordan Lee',
      permissions: { editProfile: true, authorizeSharing: false },
    },
    response: User,
  },
  getCompanyUser: {
    pathParams: { companyId: Id, userId: Id },
    response: User,
  },
  updateCompanyUser: {
    pathParams: { companyId: Id, userId: Id },
    body: UpdateUser,
    example: { version: 1, status: 'disabled' },
    response: User,
  },
  removeCompanyUser: {
    pathParams: { companyId: Id, userId: Id },
    headers: IfMatchVersion,
  },
  resendInvitation: {
    pathParams: { companyId: Id, userId: Id },
    response: Message,
  },
  handOverPrimaryPoc: {
    pathParams: { companyId: Id },
    body: HandOver,
    example: { userId: '00000000-0000-4000-8000-000000000000' },
    response: HandOverResult,
  },
  listStaff: {
    query: ListQuery,
    response: UserPage,
  },
  addStaff: {
    body: AddStaff,
    example: { email: 'new.officer@cbp.example.gov', name: 'Robin Diaz', role: 'cbp-officer' },
    response: User,
  },
  updateStaff: {
    pathParams: { userId: Id },
    body: UpdateStaff,
    example: { version: 1, status: 'disabled' },
    response: User,
  },
} as const satisfies RouteSchemaTable<typeof USERS_ROUTES>;
