import { describe, expect, it } from 'vitest';
import { SecondFactorSetup, translate } from '../../lib/local/cognito-front.ts';

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

describe("the stand-in's required second factor (CBP staff's pool)", () => {
  const T = 'AWSCognitoIdentityProviderService.';
  const tokens = { AccessToken: 'access-1', IdToken: 'id-1', RefreshToken: 'refresh-1' };
  /** An emulator that signs in with tokens and knows whether the user has an app. */
  const emulator = (hasApp: boolean) => {
    const calls: string[] = [];
    const upstream = async (target: string, input: unknown) => {
      calls.push(target.slice(T.length));
      const answer = (status: number, value: unknown) => ({
        status,
        body: Buffer.from(JSON.stringify(value)),
        contentType: 'application/x-amz-json-1.1',
      });
      if (target === `${T}InitiateAuth`) return answer(200, { AuthenticationResult: tokens });
      if (target === `${T}GetUser`) return answer(200, { UserMFASettingList: hasApp ? ['SOFTWARE_TOKEN_MFA'] : [] });
      if (target === `${T}AssociateSoftwareToken`) return answer(200, { SecretCode: 'SECRET' });
      if (target === `${T}VerifySoftwareToken`)
        return (input as { UserCode: string }).UserCode === '123456'
          ? answer(200, { Status: 'SUCCESS' })
          : answer(400, { __type: 'CodeMismatchException' });
      return answer(200, {});
    };
    return { upstream, calls };
  };
  const parse = (answer: { body: Buffer } | undefined) => JSON.parse(answer!.body.toString('utf8'));
  const signIn = { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'staff-client', AuthParameters: {} };

  it('answers MFA_SETUP instead of tokens, and hands them over only after the new app is verified', async () => {
    const { upstream, calls } = emulator(false);
    const front = new SecondFactorSetup(upstream);
    front.require('staff-client');
    const challenge = parse(await front.handle(`${T}InitiateAuth`, signIn));
    expect(challenge).toMatchObject({ ChallengeName: 'MFA_SETUP', Session: expect.any(String) });
    expect(challenge.AuthenticationResult).toBeUndefined();
    const early = await front.handle(`${T}RespondToAuthChallenge`, {
      ChallengeName: 'MFA_SETUP',
      Session: challenge.Session,
    });
    expect(early!.status).toBe(400);
    const associated = parse(await front.handle(`${T}AssociateSoftwareToken`, { Session: challenge.Session }));
    expect(associated.SecretCode).toBe('SECRET');
    const wrong = await front.handle(`${T}VerifySoftwareToken`, { Session: associated.Session, UserCode: '000000' });
    expect(wrong!.status).toBe(400);
    const verified = parse(
      await front.handle(`${T}VerifySoftwareToken`, { Session: associated.Session, UserCode: '123456' }),
    );
    expect(verified.Status).toBe('SUCCESS');
    const done = parse(
      await front.handle(`${T}RespondToAuthChallenge`, { ChallengeName: 'MFA_SETUP', Session: verified.Session }),
    );
    expect(done.AuthenticationResult).toEqual(tokens);
    expect(calls).toContain('SetUserMFAPreference');
    // Each session serves once.
    const replay = await front.handle(`${T}RespondToAuthChallenge`, {
      ChallengeName: 'MFA_SETUP',
      Session: verified.Session,
    });
    expect(replay!.status).toBe(400);
  });

  it("asks a user who has an app for its code, checked by the emulator; other clients' sign-ins pass", async () => {
    const { upstream } = emulator(true);
    const front = new SecondFactorSetup(upstream);
    front.require('staff-client');
    const challenge = parse(await front.handle(`${T}InitiateAuth`, signIn));
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const respond = (code: string) =>
      front.handle(`${T}RespondToAuthChallenge`, {
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: challenge.Session,
        ChallengeResponses: { SOFTWARE_TOKEN_MFA_CODE: code },
      });
    expect((await respond('000000'))!.status).toBe(400);
    expect(parse(await respond('123456')).AuthenticationResult).toEqual(tokens);
    expect(parse(await front.handle(`${T}InitiateAuth`, { ...signIn, ClientId: 'participants' }))).toEqual({
      AuthenticationResult: tokens,
    });
  });

  it('refuses a session past its three minutes', async () => {
    let now = 0;
    const front = new SecondFactorSetup(emulator(false).upstream, () => now);
    front.require('staff-client');
    const challenge = parse(await front.handle(`${T}InitiateAuth`, signIn));
    now = 3 * 60_000 + 1;
    expect((await front.handle(`${T}AssociateSoftwareToken`, { Session: challenge.Session }))!.status).toBe(400);
  });
});
