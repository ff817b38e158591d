import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

/**
 * Every item in this test file's own table. Tests may Scan (their table is tiny and private);
 * request and scheduled code never does.
 */
export const allItems = async (): Promise<Record<string, any>[]> => {
  const dynamo = new DynamoDBClient({});
  const items: Record<string, any>[] = [];
  let start: Record<string, any> | undefined;
  do {
    const page = await dynamo.send(new ScanCommand({ TableName: process.env.TABLE_NAME, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []).map((i) => unmarshall(i)));
    start = page.LastEvaluatedKey;
  } while (start);
  dynamo.destroy();
  return items;
};

export const itemsOf = async (entity: string) => (await allItems()).filter((i) => i.__edb_e__ === entity);

/** How many audit records the table holds from yesterday and today (UTC), counted on the by-day index without reading them. */
export const auditCount = async (): Promise<number> => {
  const { QueryCommand } = await import('@aws-sdk/client-dynamodb');
  const dynamo = new DynamoDBClient({});
  let count = 0;
  for (const offset of [1, 0]) {
    const day = new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
    let start: Record<string, any> | undefined;
    do {
      const page = await dynamo.send(
        new QueryCommand({
          TableName: process.env.TABLE_NAME,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :day',
          ExpressionAttributeValues: { ':day': { S: `AUDIT#${day}` } },
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
  }
  dynamo.destroy();
  return count;
};
