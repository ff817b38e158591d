/** What the account-information route validates (definitions/routes/profile.ts). */
import * as z from '../zod.ts';
import { schema } from '../pure.ts';
import { FACILITY_KINDS } from '../../definitions/facilities.ts';
import { Email, SingleLine } from '../common.ts';
import { Identifiers } from '../identifiers.ts';

/**
 * What the account-information, security-profile and certification routes validate
 * (definitions/routes/profile.ts).
 */

export const Phone = /* @__PURE__ */ schema(() =>
  z.string().check(z.regex(/^\+[1-9]\d{7,14}$/, { message: 'must be an international number like +12025550143' })),
);
export const Country = /* @__PURE__ */ schema(() =>
  z.string().check(z.regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 two-letter country code like US' })),
);

export const Address = /* @__PURE__ */ schema(() =>
  z.strictObject({
    line1: SingleLine(200),
    line2: z.optional(SingleLine(200)),
    city: SingleLine(100),
    region: z.optional(SingleLine(100)),
    postalCode: z.optional(
      z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/, { message: 'must be a postal code' })),
    ),
    country: Country,
  }),
);

export const Contact = /* @__PURE__ */ schema(() =>
  z.strictObject({ name: SingleLine(120), title: SingleLine(120), email: Email, phone: Phone }),
);

export const Facility = /* @__PURE__ */ schema(() =>
  z.strictObject({ name: SingleLine(200), kind: z.enum(FACILITY_KINDS), address: Address }),
);

/** PUT body: the whole record, naming the version it replaces (0 for the first save). */
export const SaveAccountInfo = /* @__PURE__ */ schema(() =>
  z.strictObject({
    version: z.number().check(z.int(), z.gte(0), z.lte(1_000_000_000)),
    contacts: z.array(Contact).check(z.minLength(1, { message: 'at least one contact is required' }), z.maxLength(10)),
    headquarters: Address,
    facilities: z.array(Facility).check(z.maxLength(50)),
    identifiers: Identifiers,
  }),
);
export type SaveAccountInfo = z.infer<typeof SaveAccountInfo>;
