import * as z from 'zod/v4';
import { extend } from 'zod/mini';
import { IsoDateTime } from './common.ts';
import { SaveAccountInfo } from './requests/account-info.ts';

/** The web's account form is typed from here. */
export type { SaveAccountInfo };

export const AccountInfo = extend(SaveAccountInfo, {
  companyId: z.string(),
  updatedAt: IsoDateTime,
  updatedBy: z.string(),
});
export type AccountInfo = z.infer<typeof AccountInfo>;
