/** Test-only changes of state that later issues give routes (removal): written through the data layer. */
export const markCompanyRemoved = async (companyId: string): Promise<void> => {
  const { company } = await import('../../functions/data/entities.ts');
  await company.patch({ companyId }).set({ status: 'removed' }).go();
};

/** Moves a company's next certification due date (the clock of a year passing, for window tests). */
export const setNextCertificationDue = async (companyId: string, dueAt: Date): Promise<void> => {
  const { company } = await import('../../functions/data/entities.ts');
  await company.patch({ companyId }).set({ nextCertificationDueAt: dueAt.toISOString() }).go();
};
