/**
 * Fault injection at the DynamoDB SDK boundary: a middleware on the portal's own client that
 * sees the wire-level commands. It can leave part of a BatchGetItem unprocessed (as DynamoDB
 * does under load), and it records the size of every TransactWriteItems call, so a test can
 * show that no transaction goes past DynamoDB's limit of 100 items.
 */
import type { BatchGetItemCommandInput, BatchGetItemCommandOutput, TransactWriteItemsCommandInput } from '@aws-sdk/client-dynamodb';

export interface DynamoFaults {
  /** The first this-many BatchGetItem calls answer only their first item; the other keys come back unprocessed. */
  readonly unprocessedBatchGets?: number;
}

export interface DynamoLedger {
  batchGets: number;
  unprocessedKeys: number;
  /** Items in each TransactWriteItems call, in order. */
  readonly transactionSizes: number[];
}

export const injectDynamoFaults = async (faults: DynamoFaults = {}): Promise<{ ledger: DynamoLedger; remove(): void }> => {
  const { dynamo } = await import('../../functions/clients/dynamodb.ts');
  const ledger: DynamoLedger = { batchGets: 0, unprocessedKeys: 0, transactionSizes: [] };
  const name = `dynamoFaults-${Math.random()}`;
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'TransactWriteItemsCommand') ledger.transactionSizes.push((args.input as TransactWriteItemsCommandInput).TransactItems?.length ?? 0);
      if (context.commandName !== 'BatchGetItemCommand') return next(args);
      ledger.batchGets += 1;
      if (ledger.batchGets > (faults.unprocessedBatchGets ?? 0)) return next(args);
      // Ask for the first key of each table only, and hand the others back unprocessed.
      const input = args.input as BatchGetItemCommandInput;
      const asked: NonNullable<BatchGetItemCommandInput['RequestItems']> = {};
      const unprocessed: NonNullable<BatchGetItemCommandOutput['UnprocessedKeys']> = {};
      for (const [table, request] of Object.entries(input.RequestItems ?? {})) {
        const [first, ...rest] = request.Keys ?? [];
        asked[table] = { ...request, Keys: first ? [first] : [] };
        if (rest.length) unprocessed[table] = { ...request, Keys: rest };
        ledger.unprocessedKeys += rest.length;
      }
      const result = await next({ ...args, input: { ...input, RequestItems: asked } });
      (result.output as BatchGetItemCommandOutput).UnprocessedKeys = unprocessed;
      return result;
    },
    // After the document client's marshalling and before the request is built from the input.
    { step: 'serialize', priority: 'high', name },
  );
  return { ledger, remove: () => dynamo.middlewareStack.remove(name) };
};
