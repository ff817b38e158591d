/**
 * Fault injection at the DynamoDB SDK boundary: a middleware on the portal's own client that
 * sees the wire-level commands. It can leave part of a BatchGetItem unprocessed (as DynamoDB
 * does under load), and it records the size of every TransactWriteItems call, so a test can
 * show that no transaction goes past DynamoDB's limit of 100 items.
 */
import type {
  BatchGetItemCommandInput,
  BatchGetItemCommandOutput,
  TransactWriteItemsCommandInput,
} from '@aws-sdk/client-dynamodb';

export interface DynamoFaults {
  /** The first this-many BatchGetItem calls answer only their first item; the other keys come back unprocessed. */
  readonly unprocessedBatchGets?: number;
  /**
   * Share of calls that fail before reaching DynamoDB, as they do once the SDK's own retries are
   * spent: a transaction with TransactionConflict, anything else with throttling. Decided by a
   * seeded sequence, so a run is the same every time.
   */
  readonly failShare?: number;
  readonly seed?: number;
}

export interface DynamoLedger {
  calls: number;
  injected: number;
  batchGets: number;
  unprocessedKeys: number;
  /** Items in each TransactWriteItems call, in order. */
  readonly transactionSizes: number[];
}

export const injectDynamoFaults = async (
  faults: DynamoFaults = {},
): Promise<{ ledger: DynamoLedger; remove(): void }> => {
  const { dynamo } = await import('../../functions/clients/dynamodb.ts');
  const ledger: DynamoLedger = { calls: 0, injected: 0, batchGets: 0, unprocessedKeys: 0, transactionSizes: [] };
  let state = faults.seed ?? 1;
  /** A small deterministic generator (mulberry32). */
  const draw = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const name = `dynamoFaults-${Math.random()}`;
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      ledger.calls += 1;
      if (faults.failShare && draw() < faults.failShare) {
        ledger.injected += 1;
        if (context.commandName === 'TransactWriteItemsCommand') {
          const items = (args.input as TransactWriteItemsCommandInput).TransactItems ?? [];
          throw Object.assign(
            new Error(
              'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]',
            ),
            {
              name: 'TransactionCanceledException',
              CancellationReasons: items.map((_, i) => ({ Code: i === 0 ? 'TransactionConflict' : 'None' })),
              $metadata: { httpStatusCode: 400 },
            },
          );
        }
        throw Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
          name: 'ThrottlingException',
          $retryable: { throttling: true },
          $metadata: { httpStatusCode: 400 },
        });
      }
      if (context.commandName === 'TransactWriteItemsCommand')
        ledger.transactionSizes.push((args.input as TransactWriteItemsCommandInput).TransactItems?.length ?? 0);
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
