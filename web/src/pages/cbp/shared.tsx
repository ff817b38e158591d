/**
 * Parts the CBP staff pages share: category names, the gate that sends staff without an
 * authenticator app to set one up, and (from components/) paging.
 */
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useSession } from '../../api/session.tsx';
import { CATEGORIES } from '../../../../functions/definitions/categories.ts';
import type { Role } from '../../../../functions/definitions/roles.ts';

export const categoryName = (id: string): string => CATEGORIES.find((c) => c.id === id)?.name ?? id;
export const CATEGORY_OPTIONS = CATEGORIES.map((c) => ({ value: c.id as string, label: c.name as string }));

export const isAdmin = (role: Role | undefined): boolean => role === 'cbp-admin';

/** Today's UTC date on the portal's clock, `YYYY-MM-DD`: the audit trail's day, which stays UTC (decision 24). */
export const portalToday = (now: string | undefined): string => (now ?? new Date().toISOString()).slice(0, 10);

/**
 * CBP staff must set up an authenticator app before the API serves them anything but who they
 * are (mfa_required): until then every staff page sends them to the set-up.
 */
export const StaffOnly = ({ children }: { children: ReactNode }) => {
  const { me } = useSession();
  if (me && !me.mfaEnrolled) return <Navigate to="/cbp/mfa" replace />;
  return <>{children}</>;
};

/** "Kind" of an alert in words. */
export const ALERT_KINDS = [
  { value: 'cargo-security-alert', label: 'Cargo security alert' },
  { value: 'sanitized-intelligence', label: 'Sanitized intelligence' },
] as const;
export const alertKindName = (kind: string): string => ALERT_KINDS.find((k) => k.value === kind)?.label ?? kind;

export { usePaged, useAction } from '../../components/use-paged.ts';
