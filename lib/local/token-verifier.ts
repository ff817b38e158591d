import { JwtRsaVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';

export interface TokenVerifier {
  /** The token's claims as API Gateway's Cognito authorizer passes them (all strings), or undefined. */
  verify(token: string): Promise<Record<string, string> | undefined>;
}

/** The pools a local server accepts tokens from (both of the portal's). */
export const portalPools = (resources: {
  readonly issuer: string;
  readonly userPoolClientId: string;
  readonly staff: { readonly issuer: string; readonly userPoolClientId: string };
}): CognitoVerifierProps[] => [
  { issuer: resources.issuer, clientId: resources.userPoolClientId },
  { issuer: resources.staff.issuer, clientId: resources.staff.userPoolClientId },
];

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
export const cognitoIdTokenVerifier = (pools: readonly CognitoVerifierProps[]): TokenVerifier => {
  const jwksCache = new SimpleJwksCache({
    fetcher: { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() },
  });
  // Like the authorizer, which lists both pools (participants', CBP staff's): each token is
  // checked against the pool its issuer names, with that pool's app client as the audience.
  const verifier = JwtRsaVerifier.create(
    pools.map((props) => ({
      issuer: props.issuer,
      jwksUri: `${props.issuer}/.well-known/jwks.json`,
      audience: props.clientId,
      customJwtCheck: ({ payload }: { payload: object }) => {
        if ((payload as { token_use?: unknown }).token_use !== 'id') throw new Error('not an ID token');
      },
    })),
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
