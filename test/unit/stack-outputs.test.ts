import { describe, expect, it } from 'vitest';
import { environmentFromOutputs, OPERATOR_OUTPUTS } from '../../lib/stack-outputs.ts';

const outputs = Object.keys(OPERATOR_OUTPUTS).map((key) => ({ OutputKey: key, OutputValue: `value-of-${key}` }));

describe('environmentFromOutputs', () => {
  it("gives each output's value the functions' variable name", () => {
    const env = environmentFromOutputs('CtpatPortal', [...outputs, { OutputKey: 'PortalUrl', OutputValue: 'x' }]);
    expect(env).toMatchObject({
      TABLE_NAME: 'value-of-TableName',
      STAFF_USER_POOL_ID: 'value-of-StaffUserPoolId',
      STAFF_USER_POOL_CLIENT_ID: 'value-of-StaffUserPoolClientId',
      PROGRAM_EMAIL: 'value-of-ProgramEmail',
    });
    expect(Object.keys(env).sort()).toEqual(Object.values(OPERATOR_OUTPUTS).sort());
  });

  it('names the outputs a stack lacks (one deployed before they existed)', () => {
    const older = outputs.filter((o) => o.OutputKey !== 'StaffUserPoolId' && o.OutputKey !== 'TableName');
    expect(() => environmentFromOutputs('CtpatPortal', older)).toThrow(
      'Stack CtpatPortal has no output TableName, StaffUserPoolId: deploy this version of the portal first',
    );
  });
});
