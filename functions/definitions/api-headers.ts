/**
 * What every API answer says about itself, as data: the handlers' answers, API Gateway's own
 * (its gateway responses and CORS preflight, lib/constructs/api.ts) and the local dev server's.
 */

/**
 * Sent on every answer, public ones too: nothing the API returns (tokens, a company's records)
 * may be kept by a browser or a proxy, and a browser that reached the API over HTTPS once never
 * tries it over plain HTTP again. No `preload`: the API's host is API Gateway's, not ours.
 */
export const API_SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
} as const;

/** What a browser may send across origins (the CORS preflight's answer). */
export const CORS_ALLOW_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key'] as const;
/** What the web portal may read of an answer beyond the safelisted headers: when to retry, and whether it was a replay. */
export const CORS_EXPOSE_HEADERS = ['Retry-After', 'Idempotent-Replayed'] as const;

/**
 * The `Idempotency-Key` request header (IETF httpapi draft) on the routes whose `idempotency` is
 * `'key'` (decision 69): a client's own name for one request, 1 to 255 visible ASCII characters
 * (a UUID fits), bare or as the draft's quoted string. Anything else is a 400 naming the header.
 */
export const IDEMPOTENCY_KEY = {
  header: 'Idempotency-Key',
  /** The key itself, once a quoted string's quotes are taken off. */
  pattern: /^[\x21-\x7E]{1,255}$/,
  /** Sent on an answer repeated from a key's record rather than worked out again. */
  replayedHeader: 'Idempotent-Replayed',
} as const;
export const CORS_ALLOW_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * The web portal's origins from `ALLOWED_ORIGINS` (comma-separated): each a bare
 * `scheme://host[:port]`. A wildcard or anything else fails loudly: the API answers the portal's
 * origins only, in AWS and on a developer's machine alike.
 */
export const parseAllowedOrigins = (value: string): string[] => {
  const origins = value
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length === 0) throw new Error('ALLOWED_ORIGINS names no origin');
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin)
      throw new Error(
        `ALLOWED_ORIGINS: "${origin}" is not an origin like https://portal.example.gov (no wildcard, path or trailing slash)`,
      );
  }
  return origins;
};
