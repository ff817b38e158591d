import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyPersistenceLayerError,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { dynamo, TABLE_NAME } from '../clients/dynamodb.ts';
import { IDEMPOTENCY_KEY } from '../definitions/api-headers.ts';
import { IDEMPOTENCY_ITEM, TABLE } from '../definitions/table.ts';
import type { KeyedRoute } from '../definitions/routes/types.ts';
import { derivedIds, uuidIds, type Ids } from '../domain/clock.ts';
import type { Caller } from '../domain/caller.ts';
import { isRetryableSdkError, KeyInProgress, KeyReused, ServiceUnavailable } from '../errors.ts';
import { callerHandler } from './authed-handler.ts';
import { idempotencyKey } from './request.ts';

/** What a keyed handler is handed besides the request: ids that a repeat of the request derives again. */
export interface KeyedRequest {
  readonly ids: Ids;
}

export type KeyedHandlerFn = (
  event: APIGatewayProxyEvent,
  caller: Caller,
  request: KeyedRequest,
) => Promise<APIGatewayProxyResult>;

/** A repeat while the first request runs may try again this soon (an abandoned one holds its key until its function's timeout). */
const IN_PROGRESS_RETRY_AFTER_SECONDS = 1;

/**
 * A handler for an authenticated POST that honours an `Idempotency-Key` (decision 69), through
 * Powertools' Idempotency utility with its records in the portal's table. Without the header it
 * runs as any authed handler. With it, the key is scoped by the caller and the route; the first
 * success is recorded for a day and a repeat with the same path and body answers it again
 * (`Idempotent-Replayed: true`) without running `fn`; another request under the same key is 422,
 * and one that arrives while the first still runs is 409 with Retry-After. `fn` gets ids derived
 * from the key, so a re-run after a first run that committed but never recorded its answer meets
 * its own items instead of writing them twice.
 */
export const keyedHandler = (route: KeyedRoute, fn: KeyedHandlerFn) => {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: TABLE_NAME,
    keyAttr: TABLE.partitionKey,
    sortKeyAttr: TABLE.sortKey,
    staticPkValue: `${IDEMPOTENCY_ITEM.partitionPrefix}${route.id}`,
    expiryAttr: TABLE.ttlAttribute,
    statusAttr: IDEMPOTENCY_ITEM.attributes.status,
    inProgressExpiryAttr: IDEMPOTENCY_ITEM.attributes.inProgressExpiry,
    validationKeyAttr: IDEMPOTENCY_ITEM.attributes.validation,
    dataAttr: IDEMPOTENCY_ITEM.attributes.data,
    // The portal's own client: its time bounds, and locally the IAM stand-in's checks.
    awsSdkV3Client: dynamo,
  });
  return callerHandler(route, async (event, caller, context: Context) => {
    const key = idempotencyKey(event);
    if (key === undefined) return fn(event, caller, { ids: uuidIds });

    let ran = false;
    let result: APIGatewayProxyResult | undefined;
    let failure: { error: unknown } | undefined;
    const work = async (_payload: unknown) => {
      ran = true;
      try {
        result = await fn(event, caller, { ids: derivedIds(`${route.id}\n${caller.userId}\n${key}`) });
        return result;
      } catch (error) {
        failure = { error };
        throw error;
      }
    };
    const idempotent = makeIdempotent(work, {
      persistenceStore,
      keyPrefix: route.id,
      config: new IdempotencyConfig({
        eventKeyJmesPath: '[caller, key]',
        payloadValidationJmesPath: 'request',
        expiresAfterSeconds: IDEMPOTENCY_ITEM.expiresAfterSeconds,
        throwOnNoIdempotencyKey: true,
        lambdaContext: context,
        responseHook: (response) => {
          const answer = response as unknown as APIGatewayProxyResult;
          return { ...answer, headers: { ...answer.headers, [IDEMPOTENCY_KEY.replayedHeader]: 'true' } } as never;
        },
      }),
    });
    try {
      return (await idempotent({
        caller: caller.userId,
        key,
        request: { path: event.pathParameters ?? {}, body: event.body ?? '' },
      })) as APIGatewayProxyResult;
    } catch (error) {
      if (error instanceof IdempotencyValidationError) throw new KeyReused();
      if (error instanceof IdempotencyAlreadyInProgressError) throw new KeyInProgress(IN_PROGRESS_RETRY_AFTER_SECONDS);
      if (!(error instanceof IdempotencyPersistenceLayerError)) throw error;
      // The work succeeded and its answer was not recorded: answer it. Until the record's
      // in-progress time runs out a repeat is 409; after, a re-run meets its own items.
      if (result) return result;
      // The work failed and its record was not released: its own error is the answer.
      if (failure) throw failure.error;
      // The record could not be written, so the work never ran: nothing changed.
      if (!ran && isRetryableSdkError(error.cause)) throw new ServiceUnavailable();
      throw error;
    }
  });
};
