import { describe, expect, it } from 'vitest';
import { translate } from '../../lib/local/cognito-front.ts';

describe('the local stand-in in front of cognito-local', () => {
  it("answers GetTokensFromRefreshToken with the emulator's REFRESH_TOKEN_AUTH for the same client and token", () => {
    const { target, body } = translate(
      'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken',
      Buffer.from(JSON.stringify({ ClientId: 'client-1', RefreshToken: 'refresh-token-1' })),
    );
    expect(target).toBe('AWSCognitoIdentityProviderService.InitiateAuth');
    expect(JSON.parse(body.toString('utf8'))).toEqual({
      ClientId: 'client-1',
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: 'refresh-token-1' },
    });
  });

  it('passes every other call through unchanged', () => {
    const body = Buffer.from(JSON.stringify({ ClientId: 'client-1', Token: 'refresh-token-1' }));
    expect(translate('AWSCognitoIdentityProviderService.RevokeToken', body)).toEqual({
      target: 'AWSCognitoIdentityProviderService.RevokeToken',
      body,
    });
  });
});
