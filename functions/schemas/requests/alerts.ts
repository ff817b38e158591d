/** What the alert routes validate (definitions/routes/alerts.ts). */
import * as z from '../zod.ts';
import { schema } from '../pure.ts';
import { IsoDateTime, MultiLine, SingleLine } from '../common.ts';
import { Id } from '../id.ts';
import { CategoryId } from '../fields.ts';

export const AlertKind = /* @__PURE__ */ schema(() => z.enum(['cargo-security-alert', 'sanitized-intelligence']));
export const Severity = /* @__PURE__ */ schema(() => z.enum(['low', 'medium', 'high', 'critical']));

const unique = (values: readonly string[]) => new Set(values).size === values.length;

/** Who an alert is for: every active participant, the active ones in some categories, or named companies (even removed ones). */
export const Audience = /* @__PURE__ */ schema(() =>
  z.discriminatedUnion('scope', [
    z.strictObject({ scope: z.literal('all') }),
    z.strictObject({
      scope: z.literal('categories'),
      categories: z
        .array(CategoryId)
        .check(z.minLength(1), z.maxLength(20), z.refine(unique, { message: 'must not repeat a category' })),
    }),
    z.strictObject({
      scope: z.literal('companies'),
      companyIds: z
        .array(Id)
        .check(z.minLength(1), z.maxLength(100), z.refine(unique, { message: 'must not repeat a company' })),
    }),
  ]),
);
export type Audience = z.infer<typeof Audience>;

export const PublishAlert = /* @__PURE__ */ schema(() =>
  z.strictObject({
    kind: AlertKind,
    title: SingleLine(200),
    body: MultiLine(20_000),
    severity: Severity,
    audience: Audience,
    expiresAt: z.optional(IsoDateTime),
  }),
);
export type PublishAlert = z.infer<typeof PublishAlert>;

/** An audience whose reach CBP asks for before publishing (the same `audience` as a publication's). */
export const AlertReachQuery = /* @__PURE__ */ schema(() => z.strictObject({ audience: Audience }));
export type AlertReachQuery = z.infer<typeof AlertReachQuery>;
