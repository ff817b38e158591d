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

/** Gives a stored profile version (and the current copy) the count saved before `answered` counted required questions only. */
export const setStoredAnsweredCount = async (companyId: string, version: number, answered: number): Promise<void> => {
  const { profileVersion, profileCurrent } = await import('../../functions/data/entities.ts');
  const stored = (await profileVersion.get({ companyId, version }).go()).data!;
  const completeness = { ...(stored.completeness as object), answered };
  await profileVersion.patch({ companyId, version }).set({ completeness }).go();
  await profileCurrent
    .patch({ companyId })
    .set({ completeness })
    .where((attr, op) => op.eq(attr.version, version))
    .go();
};

/** A company certified before its record named its last certification (the certifications are still there). */
export const forgetLastCertification = async (companyId: string): Promise<void> => {
  const { company } = await import('../../functions/data/entities.ts');
  await company.patch({ companyId }).remove(['lastCertification']).go();
};
