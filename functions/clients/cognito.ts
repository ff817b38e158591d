import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { requireEnv } from './env.ts';

export const USER_POOL_ID = requireEnv('USER_POOL_ID');
export const USER_POOL_CLIENT_ID = requireEnv('USER_POOL_CLIENT_ID');

// Found through AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER locally.
export const cognito = new CognitoIdentityProviderClient({});
