/**
 * Fault injection at the Cognito SDK boundary: a share of the portal's admin calls fail with
 * TooManyRequestsException before reaching the emulator, as Cognito answers once its quotas are
 * reached and the SDK's retries are spent.
 */
export const injectCognitoFaults = async (
  share: number,
  seed = 7,
): Promise<{ ledger: { calls: number; injected: number }; remove(): void }> => {
  const { cognito } = await import('../../functions/clients/cognito.ts');
  const { TooManyRequestsException } = await import('@aws-sdk/client-cognito-identity-provider');
  const ledger = { calls: 0, injected: 0 };
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const name = `cognitoFaults-${Math.random()}`;
  cognito.middlewareStack.add(
    (nextHandler, context) => async (args) => {
      ledger.calls += 1;
      if (context.commandName?.startsWith('Admin') && next() < share) {
        ledger.injected += 1;
        throw new TooManyRequestsException({ message: 'Too many requests', $metadata: { httpStatusCode: 429 } });
      }
      return nextHandler(args);
    },
    { step: 'initialize', name },
  );
  return { ledger, remove: () => cognito.middlewareStack.remove(name) };
};
