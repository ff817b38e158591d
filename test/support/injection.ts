/** Payloads of issue 17, item 2, shared by the unit test of the text helpers and the integration test of the routes. */

/** Each payload hides a second line, or reorders what a reader sees, inside an ordinary name. */
export const INJECTION_PAYLOADS = [
  ['CRLF', 'Dana Reyes\r\nACCOUNT LOCKED - verify at https://evil.example'],
  ['lone CR', 'Dana Reyes\rACCOUNT LOCKED'],
  ['LF', 'Dana Reyes\nACCOUNT LOCKED'],
  ['U+2028 line separator', 'Dana Reyes\u2028ACCOUNT LOCKED'],
  ['U+2029 paragraph separator', 'Dana Reyes\u2029ACCOUNT LOCKED'],
  ['U+202E right-to-left override', 'Dana Reyes\u202Efdp.exe'],
  ['U+2066 left-to-right isolate', 'Dana \u2066Reyes\u2069'],
  ['NUL', 'Dana\u0000Reyes'],
  ['U+0085 next line (C1)', 'Dana Reyes\u0085ACCOUNT LOCKED'],
  ['U+009B control sequence introducer (C1)', 'Dana Reyes\u009B31m'],
  ['DEL', 'Dana\u007FReyes'],
] as const;
