/**
 * Fields that requests of several areas and the stored records share. Every module importing one
 * builds them all, so only small, widely shared fields belong here.
 */
import * as z from './zod.ts';
import { schema } from './pure.ts';
import { CATEGORY_IDS } from '../definitions/categories.ts';

export const CompanyStatus = /* @__PURE__ */ schema(() => z.enum(['active', 'removed']));
export type CompanyStatus = z.infer<typeof CompanyStatus>;

export const CategoryId = /* @__PURE__ */ schema(() =>
  z.enum(CATEGORY_IDS, { message: `must be one of: ${CATEGORY_IDS.join(', ')}` }),
);

export const UserStatus = /* @__PURE__ */ schema(() => z.enum(['active', 'disabled']));
