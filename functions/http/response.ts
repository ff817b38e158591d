import type { APIGatewayProxyResult } from 'aws-lambda';
import { stringify } from 'csv-stringify/sync';
import type { HttpError } from '../errors.ts';
import { API_SECURITY_HEADERS } from '../definitions/api-headers.ts';

/** Every answer: JSON, never cached (tokens and records alike), HTTPS only (HSTS). */
const baseHeaders = {
  'Content-Type': 'application/json; charset=utf-8',
  ...API_SECURITY_HEADERS,
} as const;

export const json = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyResult => ({
  statusCode,
  headers: { ...baseHeaders, ...headers },
  body: JSON.stringify(body),
});

export const ok = (body: unknown): APIGatewayProxyResult => json(200, body);
export const created = (body: unknown, location?: string): APIGatewayProxyResult =>
  json(201, body, location ? { Location: location } : {});

/** The one error body shape of DESIGN section 6. */
export const errorResponse = (error: HttpError): APIGatewayProxyResult =>
  json(error.status, { error: { code: error.code, message: error.message, details: error.details } }, error.headers);

export const internalError = (): APIGatewayProxyResult =>
  json(500, {
    error: { code: 'internal_error', message: 'Something went wrong on our side; it has been logged.', details: [] },
  });

export const noContent = (): APIGatewayProxyResult => ({ statusCode: 204, headers: { ...baseHeaders }, body: '' });

/**
 * A CSV file to download: RFC 4180 (quoted where needed, CRLF line ends), a cell that a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@`, ...) escaped with a leading `'`, and a byte-order mark
 * so spreadsheet programs read it as UTF-8; never cached, like every answer.
 */
export const csvFile = (filename: string, rows: readonly (readonly string[])[]): APIGatewayProxyResult => ({
  statusCode: 200,
  headers: {
    ...baseHeaders,
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
  },
  body: stringify(rows as string[][], { bom: true, escape_formulas: true, record_delimiter: 'windows' }),
});
