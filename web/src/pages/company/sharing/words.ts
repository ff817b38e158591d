/** What the sharing page's sections share: whom a grant is for, the choices of scope and program, dates ahead. */
import type { ResponseOf } from '../../../api/client.ts';
import { FOREIGN_PROGRAMS, SCOPES } from '../../../../../functions/definitions/sharing-terms.ts';
import { SCOPE_LABELS } from '../shared.tsx';

export type Grant = ResponseOf<'listGrants'>['items'][number];
export type Scope = (typeof SCOPES)[number];
export type Program = keyof typeof FOREIGN_PROGRAMS;

/**
 * Whom a grant is for, in words: the partner's legal name once it has told you (by asking you or
 * sharing with you); until then the status-verification code it gave you, since the portal does
 * not tell one company another's name.
 */
export const granteeLabel = (g: Grant) =>
  g.granteeName ??
  (g.grantee.type === 'company'
    ? g.grantee.code
      ? `the company with code ${g.grantee.code}`
      : 'a partner company'
    : g.grantee.program);

export const scopeOptions = SCOPES.map((s) => ({ value: s, label: SCOPE_LABELS[s] ?? s }));
export const programOptions = (Object.entries(FOREIGN_PROGRAMS) as [Program, string][]).map(([value, label]) => ({
  value,
  label,
}));

/** A date `days` after the portal's today, as `YYYY-MM-DD`. */
export const dayAfter = (now: string, days: number) =>
  new Date(Date.parse(now) + days * 86_400_000).toISOString().slice(0, 10);
