/**
 * Test-only changes of state that no route makes (the clock of a year passing, records from
 * before a field existed): each a change of one stored item, by its key.
 */
import { companyPatchOp } from '../../functions/data/company-store.ts';
import { eq, key, patchOp } from '../../functions/data/table-io.ts';
import { storedItem, writeItem } from './table.ts';

/** Records when a company's portal update was first complete (as the profile's completing save does). */
export const setPortalUpdateCompleted = (companyId: string, at: string): Promise<void> =>
  writeItem(companyPatchOp(companyId, { set: { portalUpdateCompletedAt: at } }));

/** Moves a company's next certification due date (the clock of a year passing, for window tests). */
export const setNextCertificationDue = (companyId: string, dueAt: Date): Promise<void> =>
  writeItem(companyPatchOp(companyId, { set: { nextCertificationDueAt: dueAt.toISOString() } }));

/** A company certified before its record named its last certification (the certifications are still there). */
export const forgetLastCertification = (companyId: string): Promise<void> =>
  writeItem(companyPatchOp(companyId, { remove: ['lastCertification'] }));

/** The stored profile's keys: the current copy, and each version (zero-padded to 9 digits in the key only). */
const currentProfileKey = (companyId: string) => key(`COMPANY#${companyId}`, 'PROFILE');
const profileVersionKey = (companyId: string, version: number) =>
  key(`COMPANY#${companyId}`, `PROFILE#V${String(version).padStart(9, '0')}`);

/** Gives a stored profile version (and the current copy) the count saved before `answered` counted required questions only. */
export const setStoredAnsweredCount = async (companyId: string, version: number, answered: number): Promise<void> => {
  const stored = await storedItem(profileVersionKey(companyId, version));
  if (!stored) throw new Error(`No profile version ${version} of company ${companyId}.`);
  const completeness = { ...(stored.completeness as object), answered };
  await writeItem(patchOp(profileVersionKey(companyId, version), { set: { completeness } }));
  await writeItem(patchOp(currentProfileKey(companyId), { set: { completeness } }, eq('version', version)));
};
