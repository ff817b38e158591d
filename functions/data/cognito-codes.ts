import { buildClient, CommitmentPolicy, KmsKeyringNode } from '@aws-crypto/client-node';
import { requireEnv } from '../clients/env.ts';
import { kmsClients } from '../clients/kms.ts';

/** The KMS key Cognito encrypts its one-time codes with before handing them to the sender trigger. */
const CODE_KEY_ARN = requireEnv('CODE_KEY_ARN');

const { decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_ALLOW_DECRYPT);
// Its KMS clients are the portal's own (clients/kms.ts): found locally through AWS_ENDPOINT_URL_KMS, bounded in time.
const keyring = new KmsKeyringNode({ keyIds: [CODE_KEY_ARN], clientProvider: kmsClients });

/**
 * The plain one-time code from a Cognito custom sender event: an AWS Encryption SDK message
 * whose data key only this key can unwrap (what AWS documents for custom sender triggers).
 */
export const decryptCode = async (encrypted: string): Promise<string> => {
  const { plaintext } = await decrypt(keyring, Buffer.from(encrypted, 'base64'));
  return plaintext.toString('utf8');
};
