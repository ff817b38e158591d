/**
 * Business identifiers, each with the format CBP issues it in: enrollment and the account
 * information validate them, the company record holds them.
 */
import * as z from './zod.ts';

export const Identifiers = z.strictObject({
  ein: z.optional(z.string().check(z.regex(/^\d{2}-\d{7}$/, { message: 'EIN must look like 12-3456789' }))),
  iorNumber: z.optional(
    z.string().check(
      z.regex(/^(\d{2}-\d{7}([A-Z0-9]{2})?|\d{6}-\d{5})$/, {
        message:
          'IOR number must be an EIN with optional 2-character suffix, or a CBP-assigned number like 123456-12345',
      }),
    ),
  ),
  scac: z.optional(z.string().check(z.regex(/^[A-Z]{2,4}$/, { message: 'SCAC must be 2 to 4 capital letters' }))),
  mid: z.optional(
    z.string().check(
      z.regex(/^[A-Z]{2}[A-Z0-9]{3,13}$/, {
        message: 'MID must start with the ISO country code and be at most 15 characters',
      }),
    ),
  ),
  filerCode: z.optional(
    z.string().check(z.regex(/^[A-Z0-9]{3}$/, { message: 'filer code must be 3 letters or digits' })),
  ),
  iataCode: z.optional(
    z.string().check(z.regex(/^[A-Z0-9]{2}$/, { message: 'IATA code must be 2 letters or digits' })),
  ),
  fmcLicense: z.optional(
    z
      .string()
      .check(z.regex(/^\d{3,6}[A-Z]?$/, { message: 'FMC license must be 3 to 6 digits with an optional letter' })),
  ),
});
export type Identifiers = z.infer<typeof Identifiers>;
