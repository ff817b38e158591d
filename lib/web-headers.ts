/**
 * The web portal's security headers, one definition for CloudFront's response headers policy
 * (lib/constructs/web-hosting.ts) and the local web server, so the pages are tested under the
 * policy they get in AWS. `apiOrigin` is the only other origin the pages may talk to; in the CDK
 * app it is a deploy-time token, which the template literal below carries through unchanged.
 */
/** `sha256-` and the base64 SHA-256 of the empty string. */
export const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

export const contentSecurityPolicy = (apiOrigin: string): string =>
  [
    "default-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    "img-src 'self' data:",
    // The hash of the empty text: a <style> element with nothing in it, which the API reference
    // page's Redoc creates and fills through the CSSOM (decision 73). Inline styles with
    // any text stay refused.
    `style-src 'self' '${EMPTY_STYLE_HASH}'`,
    "script-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

/**
 * The parts of the headers, for CloudFront's typed security headers (it takes HSTS as max age
 * and flags, not as a header string) and rendered as header strings by `webSecurityHeaders`.
 */
export const SECURITY_HEADER_PARTS = {
  strictTransportSecurity: { maxAgeSeconds: 63_072_000, includeSubDomains: true, preload: true },
  frameOptions: 'DENY',
  referrerPolicy: 'strict-origin-when-cross-origin',
  /** Headers CloudFront has no typed setting for; sent as custom headers. */
  custom: { 'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
} as const;

const hsts = SECURITY_HEADER_PARTS.strictTransportSecurity;

/** Every security header as a lower-case header map, as the local web server sends it. */
export const webSecurityHeaders = (apiOrigin: string): Record<string, string> => ({
  'content-security-policy': contentSecurityPolicy(apiOrigin),
  'strict-transport-security': [
    `max-age=${hsts.maxAgeSeconds}`,
    ...(hsts.includeSubDomains ? ['includeSubDomains'] : []),
    ...(hsts.preload ? ['preload'] : []),
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'x-frame-options': SECURITY_HEADER_PARTS.frameOptions,
  'referrer-policy': SECURITY_HEADER_PARTS.referrerPolicy,
  ...SECURITY_HEADER_PARTS.custom,
});
