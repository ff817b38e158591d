// The yardstick for cold-import and latency figures: the smallest useful handler, one GetItem.
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({});
const TABLE = process.env.TABLE_NAME!;

export const handler = async (event: { pk: string; sk: string }) =>
  client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: event.pk }, sk: { S: event.sk } } }));
