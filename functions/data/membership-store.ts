/**
 * The membership store: a person's portal membership (role, status, permissions) and the claim
 * that makes an email one person across the portal.
 *
 * Items: the member at pk `COMPANY#<companyId>`, sk `USER#<userId>`; the claim at pk
 * `EMAIL#<email>`, sk `EMAIL`.
 */
import { key } from './table-io.ts';

export const memberKey = (companyId: string, userId: string) => key(`COMPANY#${companyId}`, `USER#${userId}`);
export const claimKey = (email: string) => key(`EMAIL#${email}`, 'EMAIL');
