/**
 * The local stand-in for IAM (issue 18, item 7; `lib/local/iam.ts`): a call the calling function's
 * declared access does not grant is refused as AWS refuses it, through the portal's own clients
 * against the emulators, so a route or job that forgot an access fails here, not after a
 * deployment. Every other integration file runs its routes and jobs with the stand-in on, and
 * fails if it refused anything (`test/support/integration-setup.ts`).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { SendBulkEmailCommand } from '@aws-sdk/client-sesv2';
import { runAs, takeRefusals, type FunctionIdentity } from '../../lib/local/iam.ts';
import { ROUTES, type Access, type RouteDefinition } from '../../functions/definitions/routes.ts';
import { STREAM_CONSUMERS, type StreamConsumerDefinition } from '../../functions/definitions/stream-consumers.ts';
import { startStreamPoller } from '../../lib/local/stream-poller.ts';
import { enrollmentInput, startTestApi, uniqueEmail, userWithRole } from '../support/api.ts';
import { sendOutboxJob } from '../support/functions.ts';
import { streamPoller } from '../support/stream.ts';

const clients = async () => {
  const dynamodb = await import('../../functions/clients/dynamodb.ts');
  return {
    ...dynamodb,
    // Plain values for this file's own calls; a document client sends through the portal's client
    // and its middleware, so the stand-in sees exactly what the stores' calls show it.
    documents: DynamoDBDocumentClient.from(dynamodb.dynamo),
    ...(await import('../../functions/clients/cognito.ts')),
    ...(await import('../../functions/clients/ses.ts')),
    ...(await import('../../functions/clients/email-settings.ts')),
  };
};

const reader: FunctionIdentity = { name: 'route fakeReader', access: ['table:read'] };
const writer: FunctionIdentity = { name: 'job fakeWriter', access: ['table:read', 'table:write'] };
const denied = (action: string) => ({ name: 'AccessDeniedException', message: expect.stringContaining(action) });

/** The route table with one route's access narrowed, as if its definition had forgotten `missing`. */
const without = (routeId: string, missing: Access): RouteDefinition[] =>
  (ROUTES as readonly RouteDefinition[]).map((r) =>
    r.id === routeId ? { ...r, access: r.access.filter((a) => a !== missing) } : r,
  );

describe('the local IAM stand-in', () => {
  it('refuses a PutItem to a function that declares only table:read, and lets its reads through', async () => {
    const { documents, dynamo, TABLE_NAME } = await clients();
    const key = { pk: `IAM#${randomUUID()}`, sk: 'ITEM' };

    await expect(
      runAs(reader, () => documents.send(new PutCommand({ TableName: TABLE_NAME, Item: { ...key, n: 1 } }))),
    ).rejects.toMatchObject(denied('dynamodb:PutItem'));
    await expect(
      runAs(reader, () =>
        dynamo.send(new PutItemCommand({ TableName: TABLE_NAME, Item: { pk: { S: key.pk }, sk: { S: key.sk } } })),
      ),
    ).rejects.toMatchObject(denied('dynamodb:PutItem'));
    const read = await runAs(reader, () => documents.send(new GetCommand({ TableName: TABLE_NAME, Key: key })));
    expect(read.Item, 'nothing was written').toBeUndefined();

    expect(takeRefusals()).toEqual([
      expect.objectContaining({ function: 'route fakeReader', command: 'PutItem' }),
      expect.objectContaining({ function: 'route fakeReader', command: 'PutItem' }),
    ]);
  });

  it("holds a transaction to each item's action, and lets calls made outside any function through", async () => {
    const { documents, TABLE_NAME } = await clients();
    const checked = { pk: `IAM#${randomUUID()}`, sk: 'ITEM' };
    const key = { pk: `IAM#${randomUUID()}`, sk: 'ITEM' };
    // Outside any function (a test's own setup): unchecked.
    for (const k of [checked, key])
      await documents.send(new PutCommand({ TableName: TABLE_NAME, Item: { ...k, n: 1 } }));
    const check = {
      ConditionCheck: { TableName: TABLE_NAME, Key: checked, ConditionExpression: 'attribute_exists(pk)' },
    };
    const update = {
      Update: {
        TableName: TABLE_NAME,
        Key: key,
        UpdateExpression: 'SET n = :n',
        ExpressionAttributeValues: { ':n': 2 },
      },
    };

    // ConditionCheckItem is a read's action too; the update in the same transaction is not.
    await runAs(reader, () => documents.send(new TransactWriteCommand({ TransactItems: [check] })));
    await expect(
      runAs(reader, () => documents.send(new TransactWriteCommand({ TransactItems: [check, update] }))),
    ).rejects.toMatchObject(denied('dynamodb:UpdateItem'));
    await runAs(writer, () => documents.send(new TransactWriteCommand({ TransactItems: [check, update] })));

    const { Item } = await documents.send(new GetCommand({ TableName: TABLE_NAME, Key: key }));
    expect(Item).toMatchObject({ n: 2 });
    expect(takeRefusals().map((r) => r.command)).toEqual(['TransactWriteItems']);
  });

  it('lets a writer append an audit record but never update or delete one, as the Deny in every role does', async () => {
    const { documents, TABLE_NAME } = await clients();
    const audit = { pk: `COMPANY#${randomUUID()}#AUDIT`, sk: `${new Date().toISOString()}#${randomUUID()}` };
    const set = { UpdateExpression: 'SET note = :n', ExpressionAttributeValues: { ':n': 'edited' } };

    await runAs(writer, () => documents.send(new PutCommand({ TableName: TABLE_NAME, Item: { ...audit, note: 'x' } })));
    await expect(
      runAs(writer, () => documents.send(new UpdateCommand({ TableName: TABLE_NAME, Key: audit, ...set }))),
    ).rejects.toMatchObject(denied('explicit deny'));
    await expect(
      runAs(writer, () =>
        documents.send(
          new TransactWriteCommand({ TransactItems: [{ Delete: { TableName: TABLE_NAME, Key: audit } }] }),
        ),
      ),
    ).rejects.toMatchObject(denied('explicit deny'));
    // The company's other partitions are not audit partitions.
    const other = { pk: audit.pk.replace(/#AUDIT$/, ''), sk: 'NOTE' };
    await runAs(writer, () => documents.send(new UpdateCommand({ TableName: TABLE_NAME, Key: other, ...set })));

    const { Item } = await documents.send(new GetCommand({ TableName: TABLE_NAME, Key: audit }));
    expect(Item).toMatchObject({ note: 'x' });
    expect(takeRefusals().map((r) => r.command)).toEqual(['UpdateItem', 'TransactWriteItems']);
  });

  it('refuses the Cognito admin calls and SES sends that the declared access does not grant', async () => {
    const { cognito, ses, PARTICIPANT_POOL, SENDER_ADDRESS, EMAIL_CONFIGURATION_SET } = await clients();
    const lookUp = new AdminGetUserCommand({
      UserPoolId: PARTICIPANT_POOL.userPoolId,
      Username: uniqueEmail('nobody'),
    });

    await expect(
      runAs({ name: 'route fakeLogin', access: ['cognito:auth', 'table:read'] }, () => cognito.send(lookUp)),
    ).rejects.toMatchObject(denied('cognito-idp:AdminGetUser'));
    // With the grant, the call reaches the emulator, which knows no such user.
    await expect(
      runAs({ name: 'route fakeInviter', access: ['cognito:invite'] }, () => cognito.send(lookUp)),
    ).rejects.toMatchObject({ name: 'UserNotFoundException' });
    await expect(
      runAs(writer, () =>
        ses.send(
          new SendBulkEmailCommand({
            FromEmailAddress: SENDER_ADDRESS,
            ConfigurationSetName: EMAIL_CONFIGURATION_SET,
            DefaultContent: { Template: { TemplateName: 'ctpat-invitation', TemplateData: '{}' } },
            BulkEmailEntries: [{ Destination: { ToAddresses: [uniqueEmail('nobody')] } }],
          }),
        ),
      ),
    ).rejects.toMatchObject(denied('ses:SendBulkEmail'));
    expect(takeRefusals().map((r) => r.command)).toEqual(['AdminGetUser', 'SendBulkEmail']);
  });
});

describe('a real route or job that lacks an access it needs', () => {
  it('answers 500 when enrolling a company without table:write, and 201 with the real route table', async () => {
    const narrowed = await startTestApi({ routes: without('enrollCompany', 'table:write') });
    const real = await startTestApi();
    try {
      const admin = await userWithRole(real, 'cbp-admin');
      const input = enrollmentInput();

      const refused = await narrowed.request('POST', '/companies', { token: admin.token, body: input });
      expect(refused.status).toBe(500);
      expect(takeRefusals()).toEqual([
        expect.objectContaining({
          function: 'route enrollCompany',
          message: expect.stringMatching(/not authorized to perform: dynamodb:(PutItem|UpdateItem)/),
        }),
      ]);

      const enrolled = await real.request('POST', '/companies', { token: admin.token, body: input });
      expect(enrolled.status).toBe(201);
      expect(takeRefusals()).toEqual([]);
    } finally {
      await Promise.all([narrowed.close(), real.close()]);
    }
  });

  it('keeps the refusal on record when the function swallows it: the email sender run without email:send', async () => {
    const outbox = await import('../../functions/data/outbox-store.ts');
    const { write } = await import('../../functions/data/table-io.ts');
    const { newDelivery } = await import('../../functions/domain/deliveries.ts');
    const email = uniqueEmail('iam');
    // The scheduled sender's first attempt is this test's: the stream's senders wait until it is made.
    await streamPoller().pause();
    await write(
      outbox.deliveryOp(
        newDelivery({
          deliveryId: randomUUID(),
          template: 'ctpat-invitation',
          recipients: [{ email, data: { name: 'Test', email, temporaryPassword: 'not-a-real-one' } }],
          defaultData: { expiresDays: '3' },
          reason: 'test',
          now: new Date(Date.now() - 1000).toISOString(),
        }),
      ),
    );
    const { handler } = await import('../../functions/jobs/send-outbox.ts');

    // The sender treats a failed send as one to retry later, so the run itself succeeds.
    const report = await runAs({ name: 'job sendOutbox', access: ['table:read', 'table:write'] }, () => handler());
    streamPoller().resume();
    expect(report).toMatchObject({ sent: 0, retrying: 1 });
    expect(takeRefusals()).toEqual([expect.objectContaining({ function: 'job sendOutbox', command: 'SendBulkEmail' })]);
    // Run as the job table declares it, the sender is let through (the delivery now waits for its retry).
    await expect((await sendOutboxJob())()).resolves.toMatchObject({ failed: 0 });
  });
});

describe('email off the request path (issue 25)', () => {
  it('refuses an SES send to every route function, and lets the stream consumers send', async () => {
    const { ses, SENDER_ADDRESS, EMAIL_CONFIGURATION_SET } = await clients();
    const to = uniqueEmail('iam-send');
    const send = () =>
      ses.send(
        new SendBulkEmailCommand({
          FromEmailAddress: SENDER_ADDRESS,
          ConfigurationSetName: EMAIL_CONFIGURATION_SET,
          DefaultContent: { Template: { TemplateName: 'ctpat-message-notice', TemplateData: '{"from":"CBP"}' } },
          BulkEmailEntries: [{ Destination: { ToAddresses: [to] } }],
        }),
      );
    for (const route of ROUTES as readonly RouteDefinition[])
      await expect(runAs({ name: `route ${route.id}`, access: route.access }, send), route.id).rejects.toMatchObject(
        denied('ses:SendBulkEmail'),
      );
    expect(takeRefusals()).toHaveLength(ROUTES.length);
    const consumer = STREAM_CONSUMERS.find((c) => c.id === 'sendNewDeliveries')!;
    const sent = await runAs({ name: `stream consumer ${consumer.id}`, access: consumer.access }, send);
    expect(sent.BulkEmailEntryResults?.[0]?.Status).toBe('SUCCESS');
  });

  it("refuses a stream consumer that does not declare table:stream its reads of the table's stream", async () => {
    const consumer = STREAM_CONSUMERS.find((c) => c.id === 'sendNewDeliveries')!;
    const withoutStream: StreamConsumerDefinition = {
      ...consumer,
      id: 'withoutStream',
      access: consumer.access.filter((a) => a !== 'table:stream'),
    };
    await expect(
      startStreamPoller({ tableName: process.env.TABLE_NAME!, consumers: [withoutStream] }),
    ).rejects.toMatchObject(denied('dynamodb:DescribeStream'));
    expect(takeRefusals()).toEqual([
      expect.objectContaining({ function: 'stream consumer withoutStream', command: 'DescribeStream' }),
    ]);
  });

  it('refuses a consumer of the Kinesis data stream that does not declare table:changes its reads', async () => {
    const consumer = STREAM_CONSUMERS.find((c) => c.id === 'archiveAuditRecords')!;
    const withoutChanges: StreamConsumerDefinition = {
      ...consumer,
      id: 'withoutChanges',
      access: consumer.access.filter((a) => a !== 'table:changes'),
    };
    await expect(
      startStreamPoller({ tableName: process.env.TABLE_NAME!, consumers: [withoutChanges] }),
    ).rejects.toMatchObject(denied('dynamodb:DescribeStream'));
    expect(takeRefusals()).toEqual([
      expect.objectContaining({ function: 'stream consumer withoutChanges', command: 'DescribeStream' }),
    ]);
  });
});
