/**
 * The names the functions log and count under, and that the stack's alarms watch: plain data
 * shared by `functions/log.ts`, `functions/clients/metrics.ts` and the CDK stack. Powertools adds
 * the service as a dimension to every metric, so an alarm names it too.
 */
export const SERVICE_NAME = 'ctpat-portal';
export const METRICS_NAMESPACE = 'CtpatPortal';
