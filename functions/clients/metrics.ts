/**
 * Counts in CloudWatch through Powertools Metrics: each count is one embedded-metric-format line
 * on stdout, which Lambda's log stream turns into a metric in the CtpatPortal namespace, with the
 * `service` dimension Powertools adds to every metric (the stack's alarms name it).
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../definitions/observability.ts';

const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });

/**
 * Publishes `value` (default one) of `name` at once under the given dimensions; `properties` ride
 * along in the line only (searchable in the logs, not dimensions).
 */
export const count = (
  name: string,
  dimensions: Record<string, string>,
  properties: Record<string, string | number> = {},
  value = 1,
): void => {
  const single = metrics.singleMetric();
  single.addDimensions(dimensions);
  for (const [key, property] of Object.entries(properties)) single.addMetadata(key, String(property));
  single.addMetric(name, MetricUnit.Count, value);
};
