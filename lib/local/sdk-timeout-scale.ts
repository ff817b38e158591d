/**
 * Imported first by `npm start`, before any module makes an SDK client: the emulators are not AWS
 * (DynamoDB Local, a JVM on a developer's machine, can take seconds where DynamoDB takes
 * milliseconds), so the functions' SDK time bounds stretch threefold here unless set otherwise
 * (`functions/clients/sdk-config.ts`, decision 69).
 */
process.env.SDK_TIMEOUT_SCALE ??= '3';
