import { SESv2Client } from '@aws-sdk/client-sesv2';
import { sdkConfig, tagUnsettledWrites } from './sdk-config.ts';

// Found through AWS_ENDPOINT_URL_SESV2 locally; bounded in time (definitions/timeouts.ts). What a
// send needs besides (sender, configuration set, link) is in email-settings.ts, so a function that
// only asks SES how it is needs none of it.
export const ses = new SESv2Client(sdkConfig('ses'));
tagUnsettledWrites(ses);
