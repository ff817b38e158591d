/**
 * Reads the CloudWatch embedded-metric lines the handlers write to stdout in this worker (the
 * handlers run in-process), as CloudWatch would: one count per line that declares the metric.
 */
export interface MetricLine {
  readonly name: string;
  readonly value: number;
  readonly fields: Record<string, unknown>;
}

export const captureMetrics = () => {
  const lines: MetricLine[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    for (const text of String(chunk).split('\n')) {
      if (!text.includes('"CloudWatchMetrics"')) continue;
      try {
        const fields = JSON.parse(text) as Record<string, any>;
        for (const m of fields._aws.CloudWatchMetrics[0].Metrics as { Name: string }[])
          lines.push({ name: m.Name, value: Number(fields[m.Name]), fields });
      } catch {
        // not a metric line after all
      }
    }
    return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  return {
    /** The sum of `name`'s values, optionally only where `where` matches the line's fields. */
    total: (name: string, where: Record<string, string> = {}) =>
      lines
        .filter((l) => l.name === name && Object.entries(where).every(([k, v]) => l.fields[k] === v))
        .reduce((n, l) => n + l.value, 0),
    restore: () => {
      process.stdout.write = original;
    },
  };
};
