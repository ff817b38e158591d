import { buildClient, CommitmentPolicy, KmsKeyringNode } from '@aws-crypto/client-node';
import { requireEnv } from '../clients/env.ts';

/** The KMS key Cognito encrypts its one-time codes with before handing them to the sender trigger. */
const CODE_KEY_ARN = requireEnv('CODE_KEY_ARN');

const { decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_ALLOW_DECRYPT);
// The KMS client inside is found through AWS_ENDPOINT_URL_KMS locally, like every other client.
const keyring = new KmsKeyringNode({ keyIds: [CODE_KEY_ARN] });

/**
 * The plain one-time code from a Cognito custom sender event: an AWS Encryption SDK message
 * whose data key only this key can unwrap (what AWS documents for custom sender triggers).
 */
export const decryptCode = async (encrypted: string): Promise<string> => {
  const { plaintext } = await decrypt(keyring, Buffer.from(encrypted, 'base64'));
  return plaintext.toString('utf8');
};
