/** What the account-information route validates (definitions/routes/profile.ts). */
import * as z from 'zod/v4';
import { schema } from '../pure.ts';
import { FACILITY_KINDS } from '../../definitions/facilities.ts';
import { Email, SingleLine } from '../common.ts';
import { Identifiers } from '../identifiers.ts';

/**
 * What the account-information, security-profile and certification routes validate
 * (definitions/routes/profile.ts).
 */

export const Phone = /* @__PURE__ */ schema(() =>
  z.string().regex(/^\+[1-9]\d{7,14}$/, { message: 'must be an international number like +12025550143' }),
);
export const Country = /* @__PURE__ */ schema(() =>
  z.string().regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 two-letter country code like US' }),
);

export const Address = /* @__PURE__ */ schema(() =>
  z.strictObject({
    line1: SingleLine(200),
    line2: SingleLine(200).optional(),
    city: SingleLine(100),
    region: SingleLine(100).optional(),
    postalCode: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/, { message: 'must be a postal code' })
      .optional(),
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
    version: z.number().int().min(0).max(1_000_000_000),
    contacts: z.array(Contact).min(1, { message: 'at least one contact is required' }).max(10),
    headquarters: Address,
    facilities: z.array(Facility).max(50),
    identifiers: Identifiers,
  }),
);
export type SaveAccountInfo = z.infer<typeof SaveAccountInfo>;
