/** Routes: Secure two-way messages between CBP and a company. */
import { ALL_ROLES } from '../roles.ts';
import type { Route } from './types.ts';

export const listThreads = {
  id: 'listThreads',
  method: 'GET',
  path: '/companies/{companyId}/threads',
  handler: 'list-threads',
  auth: ALL_ROLES,
  allowRemovedCompany: true,
  summary:
    "The company's secure message threads with CBP, most recent first, each with the caller's side's unread count",
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const startThread = {
  id: 'startThread',
  method: 'POST',
  path: '/companies/{companyId}/threads',
  handler: 'start-thread',
  auth: ALL_ROLES,
  allowRemovedCompany: true,
  summary: 'Start a secure thread between the company and CBP (the other side gets a notice without the content)',
  successStatus: 201,
  access: ['table:read', 'table:write'],
  mutates: true,
  idempotency: 'key',
} as const satisfies Route;

export const listMessages = {
  id: 'listMessages',
  method: 'GET',
  path: '/companies/{companyId}/threads/{threadId}/messages',
  handler: 'list-messages',
  auth: ALL_ROLES,
  allowRemovedCompany: true,
  summary: "A page of the thread's messages, oldest first; reading marks the thread read for the caller's side",
  access: ['table:read', 'table:write'],
  mutates: false,
} as const satisfies Route;

export const postMessage = {
  id: 'postMessage',
  method: 'POST',
  path: '/companies/{companyId}/threads/{threadId}/messages',
  handler: 'post-message',
  auth: ALL_ROLES,
  allowRemovedCompany: true,
  summary: 'Reply in a thread (the other side gets a notice without the content)',
  successStatus: 201,
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'The thread changed while you wrote (`concurrent_change`); send again',
  },
  idempotency: 'key',
} as const satisfies Route;

export const MESSAGES_ROUTES = [listThreads, startThread, listMessages, postMessage] as const;
