/**
 * Resolves (or rejects) no sooner than `ms` after it was called, so answers that must not
 * reveal which branch ran take about the same time on every branch.
 */
export const atLeast = async <T>(ms: number, work: Promise<T>): Promise<T> => {
  const floor = new Promise((resolve) => setTimeout(resolve, ms));
  const [outcome] = await Promise.allSettled([work, floor]);
  if (outcome.status === 'rejected') throw outcome.reason;
  return outcome.value;
};
