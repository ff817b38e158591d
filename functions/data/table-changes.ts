/**
 * The table's changes as its Kinesis data stream carries them (Kinesis Data Streams for DynamoDB,
 * decision 83): each Kinesis record's `data` is one change, as JSON, in the shape of a DynamoDB
 * stream record (`eventName`, `dynamodb.Keys`, `dynamodb.NewImage` in DynamoDB's JSON, ...).
 * Kinesis may hand a change over more than once: what reads them must be idempotent.
 */
import type { KinesisStreamEvent } from 'aws-lambda';
import { fromImage } from './table-wire.ts';

interface TableChange {
  readonly eventID?: string;
  readonly eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly dynamodb?: { readonly NewImage?: Readonly<Record<string, unknown>> };
}

/**
 * The item each change of a batch wrote, as its store returns it (key attributes stripped). A
 * change without a new image (a removal; the consumers' filters pass none) fails the batch.
 */
export const newItemsOf = <T>(event: KinesisStreamEvent): T[] =>
  event.Records.map((r) => {
    const change = JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString('utf8')) as TableChange;
    if (!change.dynamodb?.NewImage)
      throw new Error(`Change ${change.eventID ?? r.kinesis.sequenceNumber} (${change.eventName}) has no new image`);
    return fromImage<T>(change.dynamodb.NewImage);
  });
