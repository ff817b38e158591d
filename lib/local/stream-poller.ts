/**
 * The local stand-in for Lambda's event source mappings on the table's changes: DynamoDB Local
 * keeps the stream (the bootstrap creates the table with it), and this poller reads it with the
 * Streams API as Lambda does, passes each consumer of the stream-consumer table only the records
 * its filters match, in batches of its batch size, and runs its handler in this process as its
 * own function (the local IAM stand-in holds the handler's calls, and the stream reads, to its
 * declared access). A consumer of the table's Kinesis data stream (`table-changes`: DynamoDB
 * Local has no Kinesis destination) gets each change from the same stream wrapped as Kinesis
 * Data Streams for DynamoDB delivers it, its filters applied to the change as Lambda applies
 * them to a Kinesis record's `data`. A batch that fails is retried split in two, up to the
 * consumer's retries; what still fails is logged and kept where tests can see it (in AWS: the
 * alarmed on-failure queue). What differs from AWS is in docs/emulators.md.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import { STREAM_CONSUMERS, type StreamConsumerDefinition } from '../../functions/definitions/stream-consumers.ts';
import { guardStreamReads, runAs, runAsOnGuarded, type FunctionIdentity } from './iam.ts';
import { assertSupported, passes } from './stream-filter.ts';

type StreamHandler = (event: { Records: unknown[] }) => Promise<unknown>;

export interface StreamPollerProps {
  readonly tableName: string;
  /** Default: the stream-consumer table. */
  readonly consumers?: readonly StreamConsumerDefinition[];
  /** Where it reports a batch it gave up on, or a failed read. Default: the console. */
  readonly log?: (line: string) => void;
  /** Wait between polls of a stream with nothing new (Lambda polls a shard about four times a second). */
  readonly idleMs?: number;
}

/** A batch a consumer gave up on after its retries (in AWS, what its on-failure queue receives). */
export interface GivenUp {
  readonly consumer: string;
  readonly records: number;
  readonly error: string;
}

export interface StreamPoller {
  /**
   * Resolves once every record written to the table before the call has been read and handed to
   * the consumers whose filters pass it, and their handlers have finished. While paused, once
   * the work in hand is finished (nothing more is handled until `resume`).
   */
  settled(): Promise<void>;
  /** Stops handing records to the consumers once the work in hand is done, like disabling the mappings; keeps its place. */
  pause(): Promise<void>;
  /** Goes on from where `pause` stopped, as a re-enabled mapping does. */
  resume(): void;
  /** Batches given up on since the last call; the list is emptied. */
  takeGivenUp(): GivenUp[];
  stop(): Promise<void>;
}

interface ShardState {
  readonly shardId: string;
  readonly parentId?: string;
  /** Where the next iterator starts when there is none (first read, or after an expired one). */
  start: { readonly type: ShardIteratorType; readonly after?: string };
  iterator?: string;
  closed: boolean;
}

type Image = Record<string, unknown>;

/**
 * DynamoDB Local writes an empty map in a stream image as `{}` where AWS writes `{ "M": {} }`
 * (a value with no type, which no unmarshaller reads): put the type back, at any depth.
 */
const repairImage = (image: Image | undefined): Image | undefined => {
  if (!image) return image;
  const repair = (value: Record<string, unknown>): Record<string, unknown> => {
    if (Object.keys(value).length === 0) return { M: {} };
    if (value.M) return { M: Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, repair(v)])) };
    if (Array.isArray(value.L)) return { L: value.L.map((v: Record<string, unknown>) => repair(v)) };
    return value;
  };
  return Object.fromEntries(Object.entries(image).map(([k, v]) => [k, repair(v as Record<string, unknown>)]));
};

/** A record as Lambda hands it to a function: the stream's source ARN added, the time in epoch seconds. */
const asLambdaRecord = (record: StreamRecord, streamArn: string) => ({
  ...record,
  eventSourceARN: streamArn,
  dynamodb: {
    ...record.dynamodb,
    NewImage: repairImage(record.dynamodb?.NewImage as Image | undefined),
    ...(record.dynamodb?.ApproximateCreationDateTime
      ? { ApproximateCreationDateTime: Math.floor(record.dynamodb.ApproximateCreationDateTime.getTime() / 1000) }
      : {}),
  },
});

/**
 * A change as the table's Kinesis data stream carries it (Kinesis Data Streams for DynamoDB, time
 * in milliseconds), and the Kinesis record Lambda hands a consumer with the change in `data`.
 */
const asKinesisRecord = (record: StreamRecord, streamArn: string) => {
  const sequenceNumber = record.dynamodb?.SequenceNumber ?? '0';
  const at = record.dynamodb?.ApproximateCreationDateTime?.getTime() ?? Date.now();
  const change = {
    awsRegion: record.awsRegion,
    eventID: record.eventID,
    eventName: record.eventName,
    userIdentity: null,
    recordFormat: 'application/json',
    tableName: streamArn.split('/')[1],
    dynamodb: {
      ApproximateCreationDateTime: at,
      ApproximateCreationDateTimePrecision: 'MILLISECOND',
      Keys: record.dynamodb?.Keys,
      NewImage: repairImage(record.dynamodb?.NewImage as Image | undefined),
      SizeBytes: record.dynamodb?.SizeBytes,
    },
    eventSource: 'aws:dynamodb',
  };
  const changesArn = `${streamArn.split(':table/')[0]!.replace(':dynamodb:', ':kinesis:')}:stream/${change.tableName}-changes`;
  return {
    change,
    record: {
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: JSON.stringify(record.dynamodb?.Keys ?? {}),
        sequenceNumber,
        data: Buffer.from(JSON.stringify(change)).toString('base64'),
        approximateArrivalTimestamp: at / 1000,
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: `local:${sequenceNumber}`,
      eventName: 'aws:kinesis:record',
      awsRegion: record.awsRegion,
      eventSourceARN: changesArn,
    },
  };
};

/** What the consumer's filters see of a record, and what its function is handed. */
const shapeFor = (
  consumer: StreamConsumerDefinition,
  streamArn: string,
): ((r: StreamRecord) => { change: unknown; record: unknown }) =>
  consumer.source === 'table-changes'
    ? (r: StreamRecord) => asKinesisRecord(r, streamArn)
    : (r: StreamRecord) => {
        const record = asLambdaRecord(r, streamArn);
        return { change: record, record };
      };

/** One consumer's mapping: its own place in each shard, as each event source mapping keeps its own. */
const startMapping = async (
  consumer: StreamConsumerDefinition,
  streamArn: string,
  props: StreamPollerProps,
  givenUp: GivenUp[],
) => {
  for (const pattern of consumer.filters) assertSupported(pattern);
  const log = props.log ?? ((line: string) => console.log(line));
  const identity: FunctionIdentity = { name: `stream consumer ${consumer.id}`, access: consumer.access };
  const streams = new DynamoDBStreamsClient({});
  guardStreamReads(streams);
  // A consumer of the Kinesis data stream reads, locally, DynamoDB Local's stream: `table:changes`
  // (what its role needs in AWS) stands for `table:stream` there. Without its stream's access, the
  // IAM stand-in refuses its first read, as IAM would refuse the mapping's.
  const reader: FunctionIdentity =
    consumer.source === 'table-changes' && consumer.access.includes('table:changes')
      ? { name: identity.name, access: ['table:stream'] }
      : { name: identity.name, access: consumer.access.filter((a) => a !== 'table:changes') };
  /** The stream reads, as the consumer's role makes them in AWS. */
  const asConsumer = <T>(work: () => Promise<T>) => runAsOnGuarded(reader, work);
  const shape = shapeFor(consumer, streamArn);
  let handler: Promise<StreamHandler> | undefined;
  const loadHandler = () => {
    handler ??= import(`../../functions/streams/${consumer.handler}.ts`).then(
      (module: { handler: StreamHandler }) => module.handler,
    );
    return handler;
  };

  const shards = new Map<string, ShardState>();
  /** Finds new shards (a closed shard's children); the ones there at the start are read from LATEST, as the mapping's starting position says. */
  const describe = async (first: boolean) => {
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await asConsumer(() =>
        streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId })),
      );
      for (const shard of StreamDescription?.Shards ?? []) {
        if (!shard.ShardId || shards.has(shard.ShardId)) continue;
        const closedBefore = first && shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
        shards.set(shard.ShardId, {
          shardId: shard.ShardId,
          ...(shard.ParentShardId ? { parentId: shard.ParentShardId } : {}),
          start: { type: first ? 'LATEST' : 'TRIM_HORIZON' },
          closed: closedBefore,
        });
      }
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
  };

  /** Hands the consumer one batch; on failure, each half again, until its retries are spent. */
  const invoke = async (records: unknown[], retriesLeft: number): Promise<void> => {
    try {
      const run = await loadHandler();
      await runAs(identity, () => run({ Records: records }));
    } catch (error) {
      if (retriesLeft > 0) {
        const half = Math.ceil(records.length / 2);
        for (const part of records.length > 1 ? [records.slice(0, half), records.slice(half)] : [records])
          await invoke(part, retriesLeft - 1);
        return;
      }
      givenUp.push({ consumer: consumer.id, records: records.length, error: String(error) });
      log(`[streams] ${consumer.id} gave up on ${records.length} record(s) after its retries: ${String(error)}`);
    }
  };

  /** Reads one shard until it has nothing new; answers whether it found any record. */
  const readShard = async (shard: ShardState): Promise<boolean> => {
    let found = false;
    while (!shard.closed) {
      if (!shard.iterator) {
        const { ShardIterator } = await asConsumer(() =>
          streams.send(
            new GetShardIteratorCommand({
              StreamArn: streamArn,
              ShardId: shard.shardId,
              ShardIteratorType: shard.start.type,
              ...(shard.start.after ? { SequenceNumber: shard.start.after } : {}),
            }),
          ),
        );
        shard.iterator = ShardIterator;
        if (!shard.iterator) {
          shard.closed = true;
          break;
        }
      }
      const iterator = shard.iterator;
      const { Records = [], NextShardIterator } = await asConsumer(() =>
        streams.send(new GetRecordsCommand({ ShardIterator: iterator })),
      ).catch((error: unknown) => {
        // An expired or trimmed iterator: start again after the last record read.
        shard.iterator = undefined;
        throw error;
      });
      const matching = Records.map(shape)
        .filter((r) => passes(consumer.filters, r.change))
        .map((r) => r.record);
      for (let i = 0; i < matching.length; i += consumer.batchSize)
        await invoke(matching.slice(i, i + consumer.batchSize), consumer.retryAttempts);
      const last = Records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) shard.start = { type: 'AFTER_SEQUENCE_NUMBER', after: last };
      shard.iterator = NextShardIterator;
      if (!NextShardIterator) shard.closed = true;
      if (Records.length === 0) break;
      found = true;
    }
    return found;
  };

  /** Cycles since the shards were last listed: new shards appear when one closes, or now and then. */
  let sinceDescribe = 0;
  /** One pass over every open shard whose parent is finished (Lambda reads a parent before its children). */
  const cycle = async (): Promise<boolean> => {
    let found = false;
    let closedNow = false;
    for (const shard of shards.values()) {
      const parent = shard.parentId ? shards.get(shard.parentId) : undefined;
      if (shard.closed || (parent && !parent.closed)) continue;
      if (await readShard(shard)) found = true;
      if (shard.closed) closedNow = true;
    }
    if (closedNow || ++sinceDescribe >= 40) {
      sinceDescribe = 0;
      await describe(false);
    }
    return found;
  };

  await describe(true);
  // Iterators for the shards there now, so nothing written after `startStreamPoller` resolves is missed.
  for (const shard of shards.values()) if (!shard.closed) await readShard(shard);
  return runLoop(consumer.id, cycle, props, log);
};

/** One mapping's polling loop: it never waits for another's, as each event source mapping polls on its own. */
const runLoop = (
  id: string,
  cycle: () => Promise<boolean>,
  props: StreamPollerProps,
  log: (line: string) => void,
): Omit<StreamPoller, 'takeGivenUp'> => {
  let running = true;
  let paused = false;
  /** Cycles started and finished: a wait for "settled" needs a whole cycle that started after it. */
  let started = 0;
  let finished = 0;
  let wake: (() => void) | undefined;
  const waiters: { after: number; resolve: () => void }[] = [];
  const release = () => {
    for (const w of waiters.splice(0)) {
      if (paused || finished >= w.after) w.resolve();
      else waiters.push(w);
    }
  };
  let failedReads = 0;
  const loop = (async () => {
    while (running) {
      let found = false;
      if (!paused) {
        started += 1;
        try {
          found = await cycle();
          failedReads = 0;
        } catch (error) {
          // DynamoDB Local paused or gone: say so once, keep trying (Lambda retries its reads too).
          if (failedReads++ === 0)
            log(`[streams] ${id}: reading the table's stream failed, retrying: ${String(error)}`);
        }
        finished = started;
      }
      release();
      if (found || !running) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, props.idleMs ?? 250).unref();
      });
      wake = undefined;
    }
  })();
  const settled = () =>
    new Promise<void>((resolve) => {
      waiters.push({ after: started + 1, resolve });
      wake?.();
    });
  return {
    settled,
    pause: async () => {
      paused = true;
      await settled();
    },
    resume: () => {
      paused = false;
      wake?.();
    },
    stop: async () => {
      running = false;
      wake?.();
      await loop;
      release();
    },
  };
};

/**
 * Starts reading the table's stream for every consumer; resolves once each has its place in
 * the stream, so every record written after that reaches it.
 */
export const startStreamPoller = async (props: StreamPollerProps): Promise<StreamPoller> => {
  const consumers = props.consumers ?? (STREAM_CONSUMERS as readonly StreamConsumerDefinition[]);
  const dynamo = new DynamoDBClient({});
  // The mapping's source, as the CDK stack passes the table's stream ARN: configuration, not a call the function makes.
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: props.tableName }));
  dynamo.destroy();
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn || !Table?.StreamSpecification?.StreamEnabled)
    throw new Error(`Table ${props.tableName} has no stream: the local bootstrap (ensureTable) creates it with one`);
  const givenUp: GivenUp[] = [];
  const mappings = await Promise.all(consumers.map((c) => startMapping(c, streamArn, props, givenUp)));
  const all = (each: (m: (typeof mappings)[number]) => Promise<void>) => Promise.all(mappings.map(each)).then(() => {});
  return {
    settled: () => all((m) => m.settled()),
    pause: () => all((m) => m.pause()),
    resume: () => {
      for (const m of mappings) m.resume();
    },
    takeGivenUp: () => givenUp.splice(0),
    stop: () => all((m) => m.stop()),
  };
};
