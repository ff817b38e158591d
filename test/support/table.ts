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
