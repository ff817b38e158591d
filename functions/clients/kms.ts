import { cacheClients, getClient, KMS } from '@aws-crypto/client-node';
import { sdkConfig } from './sdk-config.ts';

/**
 * The KMS clients the Encryption SDK's keyring makes (one per region, cached), bounded in time like
 * every other client (definitions/timeouts.ts). Found through AWS_ENDPOINT_URL_KMS locally.
 */
export const kmsClients = cacheClients(getClient(KMS, sdkConfig('kms')));
