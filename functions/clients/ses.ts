import { SESv2Client } from '@aws-sdk/client-sesv2';
import { requireEnv } from './env.ts';
import { sdkConfig, tagUnsettledWrites } from './sdk-config.ts';

export const SENDER_ADDRESS = requireEnv('SENDER_ADDRESS');
export const EMAIL_CONFIGURATION_SET = requireEnv('EMAIL_CONFIGURATION_SET');
/** Links in emails point here; emails never carry confidential content, only where to read it. */
export const PORTAL_URL = requireEnv('PORTAL_URL');

// Found through AWS_ENDPOINT_URL_SESV2 locally; bounded in time (definitions/timeouts.ts).
export const ses = new SESv2Client(sdkConfig('ses'));
tagUnsettledWrites(ses);
