/**
 * Password rule of DESIGN section 7 (OWASP ASVS / NIST 800-63B): long, no composition rules.
 * Cognito enforces the same minimum; breached-password checks are Cognito threat protection's.
 * Plain data, so the web's sign-in page states it without carrying the API's schemas.
 */
export const PASSWORD_MIN_LENGTH = 15;
