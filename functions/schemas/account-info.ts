import * as z from 'zod/v4';
import { IsoDateTime } from './common.ts';
import { SaveAccountInfo } from './requests/account-info.ts';

/** The web's account form is typed from here. */
export type { SaveAccountInfo };

export const AccountInfo = SaveAccountInfo.extend({
  companyId: z.string(),
  updatedAt: IsoDateTime,
  updatedBy: z.string(),
});
export type AccountInfo = z.infer<typeof AccountInfo>;
