/**
 * The export as its user gets it: the route's answer (a link), then the file through that link,
 * as the browser downloads it, with no credentials of the test's own.
 */
import { expect } from 'vitest';
import type { TestApi } from './api.ts';

export interface DownloadedExport {
  /** The route's status; the rest is there only on a 200. */
  readonly status: number;
  /** The route's answer: `url`, `fileName`, `bytes`, `exportedAt`, `expiresAt`. */
  readonly link: Record<string, any>;
  /** The file, parsed. */
  readonly body: Record<string, any>;
  /** The file as downloaded. */
  readonly text: string;
  /** The download's Content-Disposition. */
  readonly disposition: string | null;
}

/** Asks for a company's export and, when it is answered, downloads the file its link points to. */
export const downloadExport = async (api: TestApi, companyId: string, token: string): Promise<DownloadedExport> => {
  const answer = await api.request('GET', `/companies/${companyId}/export`, { token });
  if (answer.status !== 200) return { status: answer.status, link: answer.body, body: {}, text: '', disposition: null };
  const download = await fetch(answer.body.url);
  expect(download.status, 'the export link downloads the file').toBe(200);
  const text = await download.text();
  return {
    status: answer.status,
    link: answer.body,
    body: JSON.parse(text),
    text,
    disposition: download.headers.get('content-disposition'),
  };
};
