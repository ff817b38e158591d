/**
 * An alert's severity in words, the same on the CBP side (the publish form, the list, an alert's
 * page, the confirmation) and the participant side (the inbox, an alert's page).
 */
import type { ResponseOf } from '../api/client.ts';

export type Severity = ResponseOf<'publishAlert'>['severity'];

export const SEVERITY_NAMES: Record<Severity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

/** The severity's name ('High'); a value this script does not know yet is shown as it came. */
export const severityName = (severity: string | undefined): string =>
  severity ? (SEVERITY_NAMES[severity as Severity] ?? severity) : '—';

/** The severity as a tag in tables and records. */
export const SeverityText = ({ severity }: { severity: string | undefined }) => (
  <span className={`severity severity--${severity ?? 'unknown'}`}>{severityName(severity)}</span>
);
