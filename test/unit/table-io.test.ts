import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// The toolkit reads TABLE_NAME when its client module loads; a unit test sends nothing.
process.env.TABLE_NAME ??= 'unit';
process.env.AWS_REGION ??= 'us-east-1';

let io: typeof import('../../functions/data/table-io.ts');
let dynamo: typeof import('../../functions/clients/dynamodb.ts').dynamo;
let BadRequest: typeof import('../../functions/errors.ts').BadRequest;
beforeAll(async () => {
  io = await import('../../functions/data/table-io.ts');
  ({ dynamo } = await import('../../functions/clients/dynamodb.ts'));
  ({ BadRequest } = await import('../../functions/errors.ts'));
});
afterEach(() => vi.restoreAllMocks());

describe('conditions and updates as data', () => {
  it('compile to one expression with a placeholder per name and value', () => {
    const op = io.patchOp(
      io.key('COMPANY#c1', 'COMPANY'),
      { set: { status: 'removed', 'removal.by': 'u1', gone: undefined }, add: { version: 1 }, append: { log: ['x'] } },
      io.and(io.eq('version', 3), io.or(io.eq('status', 'active'), io.notExists('status'))),
    );
    if (!('Update' in op)) throw new Error('an update');
    const { UpdateExpression, ConditionExpression, ExpressionAttributeNames, ExpressionAttributeValues } = op.Update;
    const names = ExpressionAttributeNames ?? {};
    const values = ExpressionAttributeValues ?? {};
    const named = (n: string) => Object.keys(names).find((k) => names[k] === n);
    expect(UpdateExpression).toContain(`${named('status')} = `);
    expect(UpdateExpression).toContain(`${named('removal')}.${named('by')} = `);
    expect(UpdateExpression).toContain(`REMOVE ${named('gone')}`);
    expect(UpdateExpression).toContain(`ADD ${named('version')} `);
    expect(UpdateExpression).toMatch(/list_append\(if_not_exists\(/);
    // The patch refuses a missing item, then the caller's condition.
    expect(ConditionExpression).toContain(`attribute_exists(${named('pk')})`);
    expect(ConditionExpression).toContain(`attribute_not_exists(${named('status')})`);
    expect(Object.values(values)).toEqual(expect.arrayContaining(['removed', 'u1', 1, 3, 'active', ['x']]));
    // Every placeholder used is defined, and every one defined is used.
    const used = `${UpdateExpression} ${ConditionExpression}`;
    for (const placeholder of [...Object.keys(names), ...Object.keys(values)])
      expect(used).toMatch(new RegExp(`${placeholder}(?![0-9])`));
  });

  it('create refuses an existing item; an update that changes nothing is a programming error', () => {
    const op = io.createOp({ pk: 'A', sk: 'B' });
    if (!('Put' in op)) throw new Error('a put');
    expect(op.Put.ConditionExpression).toMatch(/attribute_not_exists\(#n0\) AND attribute_not_exists\(#n1\)/);
    expect(() => io.updateOp(io.key('A', 'B'), {})).toThrow(/changes nothing/);
  });

  it('strips key attributes from what a store returns', () => {
    expect(io.record({ pk: 'A', sk: 'B', gsi1pk: 'C', gsi2sk: 'D', companyId: 'c1', key: 'kept' })).toEqual({
      companyId: 'c1',
      key: 'kept',
    });
  });
});

describe('a page read with a cursor', () => {
  it('refuses a cursor the list never gave out (400 naming the field) without asking DynamoDB', async () => {
    const send = vi.spyOn(dynamo, 'send');
    await expect(io.queryPage({ partition: 'P' }, 'not-a-cursor', 10)).rejects.toBeInstanceOf(BadRequest);
    await expect(
      io.queryPage({ partition: 'P' }, Buffer.from('{"pk":1}').toString('base64url'), 10),
    ).rejects.toMatchObject({ details: [{ field: 'cursor', message: 'invalid' }] });
    expect(send).not.toHaveBeenCalled();
  });

  it('is a 400 when DynamoDB refuses the cursor, and stays a retryable fault when DynamoDB is throttling', async () => {
    const cursor = Buffer.from('{"pk":"P","sk":"S"}').toString('base64url');
    const refused = Object.assign(new Error('The provided starting key is invalid'), {
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
    });
    vi.spyOn(dynamo, 'send').mockRejectedValue(refused as never);
    await expect(io.queryPage({ partition: 'P' }, cursor, 10)).rejects.toBeInstanceOf(BadRequest);
    await expect(io.queryPage({ partition: 'P' }, null, 10)).rejects.toBe(refused);
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'ProvisionedThroughputExceededException',
      $metadata: { httpStatusCode: 400 },
    });
    vi.spyOn(dynamo, 'send').mockRejectedValue(throttled as never);
    await expect(io.queryPage({ partition: 'P' }, cursor, 10)).rejects.toBe(throttled);
  });

  it('hands back where the next page starts as an opaque cursor, and none on the last page', async () => {
    const send = vi
      .spyOn(dynamo, 'send')
      .mockResolvedValueOnce({
        Items: [{ pk: { S: 'P' }, sk: { S: '1' }, n: { N: '1' } }],
        LastEvaluatedKey: { pk: { S: 'P' }, sk: { S: '1' } },
      } as never)
      .mockResolvedValueOnce({ Items: [{ pk: { S: 'P' }, sk: { S: '2' }, n: { N: '2' } }] } as never);
    const first = await io.queryPage<{ n: number }>({ partition: 'P', sort: { beginsWith: 'X' } }, null, 1);
    expect(first.items).toEqual([{ n: 1 }]);
    const second = await io.queryPage<{ n: number }>({ partition: 'P' }, first.cursor, 1);
    expect(second).toEqual({ items: [{ n: 2 }], cursor: null });
    expect((send.mock.calls[1]![0] as { input: { ExclusiveStartKey: unknown } }).input.ExclusiveStartKey).toEqual({
      pk: { S: 'P' },
      sk: { S: '1' },
    });
  });
});
