import { requireEnv } from '../clients/env.ts';

/** CBP's C-TPAT program mailbox: removals and reapplications are announced to it. */
export const PROGRAM_EMAIL = requireEnv('PROGRAM_EMAIL');
