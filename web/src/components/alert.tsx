import type { ReactNode } from 'react';

/**
 * A USWDS alert (usa-alert): its colour and icon say the kind, and the words say it again (no
 * meaning by colour alone). `role` is for alerts that appear as the result of an action:
 * "status" is announced politely, "alert" at once.
 */
export const Alert = ({
  type,
  role,
  children,
}: {
  type: 'info' | 'success' | 'warning' | 'error';
  role?: 'status' | 'alert';
  children: ReactNode;
}) => (
  <div className={`usa-alert usa-alert--${type} usa-alert--slim`} role={role}>
    <div className="usa-alert__body">{children}</div>
  </div>
);
