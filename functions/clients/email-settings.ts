import { requireEnv } from './env.ts';

/** What every send names: the sender, the configuration set (bounces, complaints) and where links point. */
export const SENDER_ADDRESS = requireEnv('SENDER_ADDRESS');
export const EMAIL_CONFIGURATION_SET = requireEnv('EMAIL_CONFIGURATION_SET');
/** Links in emails point here; emails never carry confidential content, only where to read it. */
export const PORTAL_URL = requireEnv('PORTAL_URL');
