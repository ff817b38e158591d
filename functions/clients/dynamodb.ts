import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { requireEnv } from './env.ts';
import { sdkConfig, tagUnsettledWrites } from './sdk-config.ts';

/** The table every data module uses; set by the CDK stack and by the local runtime. */
export const TABLE_NAME = requireEnv('TABLE_NAME');

// One client per module load, found through AWS_ENDPOINT_URL_DYNAMODB locally. The stores speak
// plain values through data/table-io.ts, which marshals them (no DocumentClient: its package cost
// every table route a measured 6-9% of a bare handler's cold import). Bounded in time
// (definitions/timeouts.ts); a write whose outcome is unknown is marked so it is never a 503.
export const dynamo = new DynamoDBClient(sdkConfig('dynamodb'));
tagUnsettledWrites(dynamo);
