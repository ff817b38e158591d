/**
 * Forms through react-hook-form, checked in the browser by the very zod schemas the API checks
 * its requests with (`functions/schemas/requests/`), so a mistake is named before any request and
 * in the same words the API would use. `@hookform/resolvers` does the same, but its optional peer
 * (ajv-formats 2) conflicts with the ajv-formats 3 the contract tests use; the part of it needed
 * here is this one function.
 */
import { useMemo } from 'react';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { ZodMiniType } from 'zod/mini';
import { ApiError } from '../api/client.ts';

/** A resolver from the schema (and the part of the form's values it checks) the current step submits. */
export const zodResolver =
  <V extends FieldValues>(pick: (values: V) => { schema: ZodMiniType; input: unknown }): Resolver<V> =>
  async (values) => {
    const { schema, input } = pick(values);
    const result = schema.safeParse(input);
    if (result.success) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of result.error.issues) {
      const field = issue.path.join('.');
      errors[field] ??= { type: issue.code, message: issue.message };
    }
    return { values: {}, errors: errors as FieldErrors<V> };
  };

/**
 * The form's errors as the error summary shows an API's refusal (`ErrorSummary`, with the page's
 * `fieldName` for each field), so a mistake caught in the browser reads as one the API found. The
 * same messages are the same summary, so it takes the focus once, not on every render.
 */
export const useErrorSummary = (errors: FieldErrors): ApiError | undefined => {
  const details = Object.entries(errors).flatMap(([field, error]) =>
    error && typeof error.message === 'string' ? [{ field, message: error.message }] : [],
  );
  const key = JSON.stringify(details);
  return useMemo(
    () =>
      details.length
        ? new ApiError(400, 'invalid_request', 'Correct what is marked below, then try again.', details)
        : undefined,
    // biome-ignore lint/correctness/useExhaustiveDependencies: the details are what the key says
    [key],
  );
};
