/**
 * The web portal's security headers, one definition for CloudFront's response headers policy
 * and the local web server, so the pages are tested under the policy they get in AWS.
 * `apiOrigin` is the only other origin the pages may talk to.
 */
export const contentSecurityPolicy = (apiOrigin: string): string =>
  [
    "default-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    "img-src 'self' data:",
    "style-src 'self'",
    "script-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

export const webSecurityHeaders = (apiOrigin: string): Record<string, string> => ({
  'content-security-policy': contentSecurityPolicy(apiOrigin),
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
});
