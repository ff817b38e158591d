/** Test-only changes of state that later issues give routes (removal): written through the data layer. */
export const markCompanyRemoved = async (companyId: string): Promise<void> => {
  const { company } = await import('../../functions/data/entities.ts');
  await company.patch({ companyId }).set({ status: 'removed' }).go();
};
