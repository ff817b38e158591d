import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { requireEnv } from './env.ts';

/** The table every data module uses; set by the CDK stack and by the local runtime. */
export const TABLE_NAME = requireEnv('TABLE_NAME');

// One client per module load, found through AWS_ENDPOINT_URL_DYNAMODB locally.
export const dynamo = new DynamoDBClient({});
export const documents = DynamoDBDocumentClient.from(dynamo, {
  marshallOptions: { removeUndefinedValues: true },
});
