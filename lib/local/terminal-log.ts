/**
 * What `npm start`'s terminal shows. The functions log through Powertools, one JSON object a
 * line as CloudWatch wants (levels, context, embedded metrics); in a developer's terminal those
 * lines are noise at best and unreadable at worst. Here each JSON line is rewritten as one readable line and shown
 * only at or above the terminal's level: by default warnings and errors; with `LOG_LEVEL=debug`
 * every job report, metric and request as well. Other lines (the banner, `[portal]` notes, the
 * emulators' own output) pass through unchanged.
 */

export const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type Level = (typeof LEVELS)[number];

const rank = (level: string): number => {
  const at = LEVELS.indexOf(level as Level);
  return at === -1 ? LEVELS.indexOf('info') : at;
};

/** The terminal's level from `LOG_LEVEL` (default `warn`); an unknown value is refused by name. */
export const terminalLevel = (value: string | undefined): Level => {
  if (value === undefined || value === '') return 'warn';
  const level = value.toLowerCase();
  if (!(LEVELS as readonly string[]).includes(level))
    throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, not "${value}"`);
  return level as Level;
};

const shown = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /\s/.test(text) ? JSON.stringify(text) : text;
};

/** What Powertools adds to every line, which a terminal does not need (the function and correlation id stay). */
const PLUMBING = new Set([
  'timestamp',
  'service',
  'sampling_rate',
  'xray_trace_id',
  'cold_start',
  'function_arn',
  'function_memory_size',
  'function_request_id',
]);

interface LoggedError {
  readonly name?: string;
  readonly message?: string;
  readonly stack?: string;
}
const isLoggedError = (value: unknown): value is LoggedError =>
  typeof value === 'object' && value !== null && 'message' in value && 'stack' in value;

/**
 * One line as the terminal shows it at `level`: null when it is hidden. A Powertools log line
 * becomes `LEVEL message key=value ...` (its plumbing and the metric's left out, an error as
 * `name: message` with its stack on indented lines after); a metric line (Powertools Metrics,
 * with no message of its own) is debug-level and shown as `metric Name=value`.
 */
export const readableLine = (line: string, level: Level): string | null => {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return line;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(trimmed) as Record<string, unknown>;
  } catch {
    return line;
  }
  if (typeof entry !== 'object' || entry === null) return line;
  const isMetric = typeof entry._aws === 'object' && entry._aws !== null;
  if (typeof entry.message !== 'string' && !isMetric) return line;
  const own = typeof entry.level === 'string' ? entry.level.toLowerCase() : isMetric ? 'debug' : 'info';
  if (rank(isMetric && own !== 'error' ? 'debug' : own) < rank(level)) return null;
  const metricNames = (
    (entry._aws as { CloudWatchMetrics?: { Metrics?: { Name: string }[] }[] } | undefined)?.CloudWatchMetrics ?? []
  )
    .flatMap((m) => m.Metrics ?? [])
    .map((m) => m.Name);
  const { level: _level, message, _aws, ...fields } = entry;
  const stacks: string[] = [];
  const pairs = Object.entries(fields)
    .filter(([key]) => !PLUMBING.has(key) && !(typeof message === 'string' && metricNames.includes(key)))
    .map(([key, value]) => {
      if (isLoggedError(value)) {
        if (value.stack) stacks.push(value.stack);
        return `${key}=${shown(`${value.name ?? 'Error'}: ${value.message}`)}`;
      }
      if (key === 'stack' && typeof value === 'string') {
        stacks.push(value);
        return '';
      }
      return `${key}=${shown(value)}`;
    })
    .filter(Boolean);
  const title = typeof message === 'string' ? message : 'metric';
  const head = [`${own.toUpperCase().padEnd(5)} ${title}`, ...pairs].join(' ');
  return [head, ...stacks.map((stack) => stack.replace(/^/gm, '    '))].join('\n');
};

/**
 * Rewrites what this process writes to stdout and stderr, line by line, through `readableLine`.
 * For `npm start` only: the tests and the deployed functions keep the JSON lines.
 */
export const installTerminalLog = (level: Level): void => {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      if (!text.includes('{')) return write(chunk, ...rest);
      const lines = text.split('\n');
      const kept = lines
        .map((line, i) => (i === lines.length - 1 && line === '' ? '' : readableLine(line, level)))
        .filter((line): line is string => line !== null);
      if (kept.length === 0 || (kept.length === 1 && kept[0] === '')) {
        // Nothing to show: still call back, as a write would.
        const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
        callback?.();
        return true;
      }
      return write(kept.join('\n'), ...rest);
    }) as typeof stream.write;
  }
};
