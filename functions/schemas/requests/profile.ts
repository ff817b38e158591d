/** What the security-profile and certification routes validate (definitions/routes/profile.ts). */
import * as z from '../zod.ts';
import { schema } from '../pure.ts';
import { MAX_TEXT_ANSWER } from '../../definitions/criteria.ts';
import { MultiLine } from '../common.ts';

const Key = /* @__PURE__ */ schema(() =>
  z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, { message: 'must be a section or question id' })),
);
export const Answer = /* @__PURE__ */ schema(() => z.union([z.boolean(), MultiLine(MAX_TEXT_ANSWER)]));
/** section id -> question id -> answer; checked against the criteria for the company's category. */
export const Answers = /* @__PURE__ */ schema(() => z.record(Key, z.record(Key, Answer)));
export type Answers = z.infer<typeof Answers>;

/** A profile version number in a path or query. */
export const VersionNumber = /* @__PURE__ */ schema(() =>
  z.coerce.number().check(z.int(), z.gte(1), z.lte(1_000_000_000)),
);

export const SaveProfile = /* @__PURE__ */ schema(() =>
  z.strictObject({ version: z.number().check(z.int(), z.gte(0), z.lte(1_000_000_000)), answers: Answers }),
);

export const DiffQuery = /* @__PURE__ */ schema(() => z.strictObject({ from: VersionNumber, to: VersionNumber }));
export const Certify = /* @__PURE__ */ schema(() =>
  z.strictObject({
    profileVersion: z.number().check(z.int(), z.gte(1)),
    /** The officer's signed statement that the profile is current. */
    attestation: z.literal(true, { message: 'must be true: you attest that the profile is current' }),
    /**
     * Required, and only allowed, when the profile has not changed since the last certification:
     * the POC states that it was reviewed and is still accurate.
     */
    reviewedUnchanged: z.optional(
      z.literal(true, {
        message: 'must be true: you state that you reviewed the unchanged profile and it is still accurate',
      }),
    ),
  }),
);
export type Certify = z.infer<typeof Certify>;
export const Review = /* @__PURE__ */ schema(() =>
  z.strictObject({ decision: z.enum(['approve', 'return']), comments: z.optional(MultiLine(4000)) }).check(
    z.refine((r) => r.decision === 'approve' || Boolean(r.comments), {
      message: 'comments are required when sending a certification back',
      path: ['comments'],
    }),
  ),
);
