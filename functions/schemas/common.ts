import * as z from 'zod/v4';

/** An email address, compared lower-cased; at most 128 characters, Cognito's limit for a username. */
export const Email = z.email({ message: 'must be a valid email address' }).max(128);

/** Opaque identifiers the portal generates (UUIDs); anything else is refused before any read. */
export const Id = z.uuid({ message: 'must be an id issued by the portal' });

export const IsoDateTime = z.iso.datetime();

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })),
  }),
});

/** Free text of bounded size with no control characters other than new lines and tabs. */
export const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` })
    .regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, { message: 'must not contain control characters' });
