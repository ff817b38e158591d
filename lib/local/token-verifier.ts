import { JwtRsaVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';

export interface TokenVerifier {
  /** The token's claims as API Gateway's Cognito authorizer passes them (all strings), or undefined. */
  verify(token: string): Promise<Record<string, string> | undefined>;
}

export interface CognitoVerifierProps {
  /** `<issuer domain>/<user pool id>`, as the pool signs it. */
  readonly issuer: string;
  readonly clientId: string;
}

/**
 * Verifies ID tokens exactly as the API Gateway Cognito authorizer does: RS256 signature
 * against the pool's JWKS, issuer, audience (the app client), expiry, token_use `id`.
 * aws-jwt-verify refuses http JWKS URLs by default; the emulator serves plain http on
 * loopback, so the fetcher here is the platform's fetch.
 */
export const cognitoIdTokenVerifier = (props: CognitoVerifierProps): TokenVerifier => {
  const jwksCache = new SimpleJwksCache({
    fetcher: { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() },
  });
  const verifier = JwtRsaVerifier.create(
    {
      issuer: props.issuer,
      jwksUri: `${props.issuer}/.well-known/jwks.json`,
      audience: props.clientId,
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'id') throw new Error('not an ID token');
      },
    },
    { jwksCache },
  );
  return {
    async verify(token) {
      try {
        const payload = await verifier.verify(token);
        return Object.fromEntries(
          Object.entries(payload).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : String(value)]),
        );
      } catch {
        return undefined;
      }
    },
  };
};
