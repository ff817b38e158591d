/** `--since` of the operator commands, read before any of the portal's modules loads. */
const UNITS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `--since`: a duration back from `now` (`90m`, `2h`, `3d`) or an ISO date or instant; answers an ISO instant. */
export const parseSince = (text: string, now: Date): string => {
  const ago = /^(\d+)([mhd])$/.exec(text.trim());
  if (ago) return new Date(now.getTime() - Number(ago[1]) * UNITS[ago[2]!]!).toISOString();
  const at = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim()) ? Date.parse(text) : NaN;
  if (Number.isNaN(at))
    throw new Error(`--since takes a duration (30m, 2h, 3d) or an ISO date or time (2026-12-07T09:00Z), not "${text}"`);
  if (at > now.getTime()) throw new Error(`--since ${text} is in the future`);
  return new Date(at).toISOString();
};
