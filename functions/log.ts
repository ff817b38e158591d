/**
 * The one logger of every function: Powertools Logger, one JSON object a line for CloudWatch
 * (level, message, service, timestamp, and per request the Lambda context and a correlation id,
 * the API Gateway request id, added by the HTTP wrapper). Its level comes from the environment
 * (`AWS_LAMBDA_LOG_LEVEL`, `POWERTOOLS_LOG_LEVEL` or `LOG_LEVEL`; INFO by default). Like
 * `errors.ts`, a leaf module that any layer may import; locally `npm start` rewrites these lines
 * as readable ones (`lib/local/terminal-log.ts`).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { SERVICE_NAME } from './definitions/observability.ts';

export const logger = new Logger({ serviceName: SERVICE_NAME });

/** A thrown value as a log field: the error itself (Powertools keeps its name, message and stack). */
export const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
