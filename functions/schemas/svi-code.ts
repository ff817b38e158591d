/**
 * A company's status-verification code (C-TPAT's SVI number, decision 85): what one company hands
 * another so the other can name it in a grant or a grant request, instead of a UUID. Eight
 * characters shown as `XXXX-XXXX`: seven random, one check character. The alphabet leaves out the
 * look-alikes 0/O, 1/I/L, so a code read aloud or copied from paper is typed right; the check
 * character catches every single wrong character and every swap of two characters, so a typo is
 * refused as a malformed code instead of naming another company.
 */
import * as z from './zod.ts';
import { schema } from './pure.ts';

export const SVI_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const N = SVI_ALPHABET.length;
/** Random characters before the check character. */
export const SVI_BODY_LENGTH = 7;

/**
 * The check character of `body`: the eight characters, weighted 1 to 8 by position, sum to a
 * multiple of 31. 31 is prime and the weights differ, so changing one character, or swapping any
 * two different ones, always breaks the sum. (8 * 4 = 32, so multiplying by 4 divides by 8.)
 */
export const sviCheck = (body: string): string => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * SVI_ALPHABET.indexOf(body[i]!);
  return SVI_ALPHABET[(((N - (sum % N)) % N) * 4) % N]!;
};

/** `XXXX-XXXX` from the eight characters. */
const shown = (chars: string) => `${chars.slice(0, 4)}-${chars.slice(4)}`;

/** A code from seven characters of the alphabet: their check character appended, shown with its hyphen. */
export const sviCodeOf = (body: string): string => shown(`${body}${sviCheck(body)}`);

/** As a person types it: any case, spaces or hyphens anywhere. */
const compact = (input: string) => input.toUpperCase().replace(/[ -]/g, '');

/** A code as typed (any case, spaces or hyphens anywhere) in its stored form `XXXX-XXXX`; not checked. */
export const storedSviCode = (input: string): string => shown(compact(input));

/** Whether `input` (as typed) is a well-formed code whose check character matches. */
export const isSviCode = (input: string): boolean => {
  const chars = compact(input);
  if (chars.length !== SVI_BODY_LENGTH + 1) return false;
  if ([...chars].some((c) => !SVI_ALPHABET.includes(c))) return false;
  return sviCheck(chars.slice(0, SVI_BODY_LENGTH)) === chars[SVI_BODY_LENGTH];
};

/** A code as typed, answered in its stored form `XXXX-XXXX`; a malformed one is a 400 naming the field. */
export const SviCode = /* @__PURE__ */ schema(() =>
  z.pipe(
    z.pipe(z.string().check(z.maxLength(32, { message: 'must be a code like Q7KP-4MXW' })), z.transform(compact)).check(
      z.superRefine((chars, ctx) => {
        const bad = [...chars].find((c) => !SVI_ALPHABET.includes(c));
        if (chars.length !== SVI_BODY_LENGTH + 1)
          ctx.addIssue({ code: 'custom', message: 'must be 8 letters and digits, like Q7KP-4MXW' });
        else if (bad !== undefined)
          ctx.addIssue({
            code: 'custom',
            message: `must use letters and digits other than 0, 1, I, L and O (found ${JSON.stringify(bad)})`,
          });
        else if (sviCheck(chars.slice(0, SVI_BODY_LENGTH)) !== chars[SVI_BODY_LENGTH])
          ctx.addIssue({ code: 'custom', message: 'is not a valid code: check it for a mistyped character' });
      }),
    ),
    z.transform(shown),
  ),
);
