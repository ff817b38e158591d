/**
 * Counts in CloudWatch through the embedded metric format: one JSON line on stdout that Lambda's
 * log stream turns into a metric. Written straight to stdout, as the outbox sender does, because
 * the JSON log format would wrap a console line and CloudWatch would no longer read the metric.
 */
const NAMESPACE = 'CtpatPortal';

/** Adds `value` (default one) to `name` under the given dimensions; `properties` ride along in the log line only. */
export const count = (
  name: string,
  dimensions: Record<string, string>,
  properties: Record<string, string> = {},
  value = 1,
): void => {
  process.stdout.write(
    `${JSON.stringify({
      level: 'info',
      message: `metric ${name}`,
      ...properties,
      ...dimensions,
      _aws: {
        Timestamp: Date.now(),
        CloudWatchMetrics: [
          { Namespace: NAMESPACE, Dimensions: [Object.keys(dimensions)], Metrics: [{ Name: name, Unit: 'Count' }] },
        ],
      },
      [name]: value,
    })}\n`,
  );
};
