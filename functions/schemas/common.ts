import * as z from './zod.ts';
import { schema } from './pure.ts';

/** An email address, compared lower-cased; at most 128 characters, Cognito's limit for a username. */
export const Email = /* @__PURE__ */ schema(() =>
  z.email({ message: 'must be a valid email address' }).check(z.maxLength(128)),
);

export const IsoDateTime = /* @__PURE__ */ schema(() => z.iso.datetime());

/** A calendar date, `YYYY-MM-DD`; a deadline is met by the end of that day in Washington (program time, decision 24). */
export const IsoDate = /* @__PURE__ */ schema(() => z.iso.date({ message: 'must be a date like 2006-07-01' }));

/**
 * Characters no text field accepts (issue 17: header and content injection through names).
 * Line breaks: CR, LF, NEL (U+0085), vertical tab, form feed, and the Unicode line and
 * paragraph separators; other C0 controls, DEL and the C1 controls; and the bidirectional
 * embeddings, overrides and isolates, which reorder what a reader sees (`U+202E` turns
 * "invoice.exe" round). Single-line text also refuses the bidirectional marks (U+200E, U+200F,
 * U+061C): invisible in a name, they only make two names that look alike differ.
 */
const LINE_BREAK = /* @__PURE__ */ schema(() => /[\n\r\u000B\u000C\u0085\u2028\u2029]/);
const CONTROL = /* @__PURE__ */ schema(() => /[\u0000-\u001F\u007F-\u009F]/);
const BIDI_CONTROL = /* @__PURE__ */ schema(() => /[\u202A-\u202E\u2066-\u2069]/);
const BIDI_MARK = /* @__PURE__ */ schema(() => /[\u200E\u200F\u061C]/);
const UNSAFE_SINGLE_LINE = /* @__PURE__ */ schema(
  () => /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/,
);
/** Multi-line text keeps new lines (LF) and tabs; CRLF arrives already normalized to LF. */
const UNSAFE_MULTI_LINE = /* @__PURE__ */ schema(
  () => /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/,
);

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `char` is refused, in words a person fixing the field understands. */
const refusal = (char: string, singleLine: boolean): string => {
  if (singleLine && LINE_BREAK.test(char)) return `must be a single line: no line breaks (found ${codePoint(char)})`;
  if (char === '\u2028' || char === '\u2029')
    return `must not contain Unicode line or paragraph separators (found ${codePoint(char)}); use a new line`;
  if (CONTROL.test(char)) return `must not contain control characters (found ${codePoint(char)})`;
  if (BIDI_CONTROL.test(char))
    return `must not contain bidirectional override or isolate characters (found ${codePoint(char)})`;
  if (BIDI_MARK.test(char)) return `must not contain invisible bidirectional marks (found ${codePoint(char)})`;
  return `must not contain ${codePoint(char)}`;
};

const refuseUnsafe = (pattern: RegExp, singleLine: boolean) => (value: string, ctx: z.core.$RefinementCtx<string>) => {
  const found = pattern.exec(value);
  if (found) ctx.addIssue({ code: 'custom', message: refusal(found[0], singleLine) });
};

/**
 * One line of text of bounded size: people's names, legal names, titles, subjects, address
 * lines. Refuses line breaks, control characters and bidirectional controls and marks (checked
 * before trimming, so a trailing line break is refused rather than silently dropped).
 */
export const SingleLine = (max: number) =>
  z
    .string()
    .check(
      z.superRefine(refuseUnsafe(UNSAFE_SINGLE_LINE, true)),
      z.trim(),
      z.minLength(1, { message: 'must not be empty' }),
      z.maxLength(max, { message: `must be at most ${max} characters` }),
    );

/**
 * Free text of bounded size that may run over several lines: message bodies, profile answers,
 * reasons, comments. Keeps new lines and tabs (CRLF becomes LF; a lone CR is refused); refuses
 * every other control character, the Unicode line and paragraph separators and bidirectional
 * overrides and isolates. Bidirectional marks stay: right-to-left prose needs them.
 */
export const MultiLine = (max: number) =>
  z.string().check(
    z.overwrite((value) => value.replace(/\r\n/g, '\n')),
    z.superRefine(refuseUnsafe(UNSAFE_MULTI_LINE, false)),
    z.trim(),
    z.minLength(1, { message: 'must not be empty' }),
    z.maxLength(max, { message: `must be at most ${max} characters` }),
  );
