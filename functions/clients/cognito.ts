import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { realmOf, type Realm } from '../definitions/roles.ts';
import { requireEnv } from './env.ts';
import { sdkConfig, tagUnsettledWrites } from './sdk-config.ts';

/** A user pool and the portal's app client in it. */
export interface Pool {
  readonly userPoolId: string;
  readonly clientId: string;
}

/** Participants' pool: a second factor is optional (required of primary POCs when configured). */
export const PARTICIPANT_POOL: Pool = {
  userPoolId: requireEnv('USER_POOL_ID'),
  clientId: requireEnv('USER_POOL_CLIENT_ID'),
};

/** CBP staff's pool: Cognito requires a second factor of everyone in it (decision 60). */
export const STAFF_POOL: Pool = {
  userPoolId: requireEnv('STAFF_USER_POOL_ID'),
  clientId: requireEnv('STAFF_USER_POOL_CLIENT_ID'),
};

export const POOLS: Record<Realm, Pool> = { staff: STAFF_POOL, participants: PARTICIPANT_POOL };

/** Staff (the CBP pseudo-company) sign in to their own pool; everyone else to the participants'. */
export const poolOf = (companyId: string): Pool => POOLS[realmOf(companyId)];

// Found through AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER locally; bounded in time (definitions/timeouts.ts).
export const cognito = new CognitoIdentityProviderClient(sdkConfig('cognito'));
tagUnsettledWrites(cognito);
