/** What the company-user and staff routes validate (definitions/routes/users.ts). */
import * as z from '../zod.ts';
import { schema } from '../pure.ts';
import { Email, SingleLine } from '../common.ts';
import { Id } from '../id.ts';
import { UserStatus } from '../fields.ts';

export const AddUser = /* @__PURE__ */ schema(() =>
  z.strictObject({
    email: Email,
    name: SingleLine(120),
    permissions: z.strictObject({ editProfile: z.boolean(), authorizeSharing: z.boolean() }),
  }),
);

/** Removing a user names the version it read in `If-Match`: a number, bare or quoted like an ETag (`http/request.ts`). */
export const IfMatchVersion = /* @__PURE__ */ schema(() =>
  z.object({
    'If-Match': z
      .string()
      .check(z.regex(/^(W\/)?"?[1-9][0-9]*"?$/))
      .register(z.globalRegistry, {
        description: 'The version of the record you last read; a stale one is a 409',
        example: '"3"',
      }),
  }),
);

/** A version the caller last read; a stale one is a 409 with the current version. */
export const Version = /* @__PURE__ */ schema(() => z.number().check(z.int(), z.gte(1), z.lte(1_000_000_000)));

export const UpdateUser = /* @__PURE__ */ schema(() =>
  z.strictObject({
    version: Version,
    status: z.optional(UserStatus),
    permissions: z.optional(z.strictObject({ editProfile: z.boolean(), authorizeSharing: z.boolean() })),
  }),
);

/**
 * The former primary POC becomes a company user with no permissions unless the hand-over names
 * them (issue 17): nobody keeps the POC's powers by default.
 */
export const HandOver = /* @__PURE__ */ schema(() =>
  z.strictObject({
    userId: Id,
    formerPocPermissions: z._default(z.strictObject({ editProfile: z.boolean(), authorizeSharing: z.boolean() }), {
      editProfile: false,
      authorizeSharing: false,
    }),
  }),
);
export const AddStaff = /* @__PURE__ */ schema(() =>
  z.strictObject({
    email: Email,
    name: SingleLine(120),
    role: z.enum(['cbp-officer', 'cbp-admin']),
  }),
);
export const UpdateStaff = /* @__PURE__ */ schema(() => z.strictObject({ version: Version, status: UserStatus }));
