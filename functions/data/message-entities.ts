/**
 * Secure message threads between a company and CBP. Both live under the company's partition
 * key, so a company's messages are isolated like the rest of its data.
 */
import { Entity } from 'electrodb';
import { documents, TABLE_NAME } from '../clients/dynamodb.ts';
import { TABLE } from '../definitions/table.ts';

const config = { table: TABLE_NAME, client: documents };
const { gsi1 } = TABLE.indexes;
const SIDES = ['company', 'cbp'] as const;

/** One thread: its subject, counters, and who on each side takes part (they get the notices). */
export const thread = new Entity(
  {
    model: { entity: 'thread', version: '1', service: 'portal' },
    attributes: {
      companyId: { type: 'string', required: true },
      threadId: { type: 'string', required: true },
      subject: { type: 'string', required: true },
      startedBy: { type: 'string', required: true },
      startedBySide: { type: SIDES, required: true },
      startedAt: { type: 'string', required: true },
      lastMessageAt: { type: 'string', required: true },
      messageCount: { type: 'number', required: true },
      unreadCompany: { type: 'number', required: true },
      unreadCbp: { type: 'number', required: true },
      /** Emails of the people on each side who wrote in the thread. */
      companyParticipants: { type: 'set', items: 'string' },
      cbpParticipants: { type: 'set', items: 'string' },
    },
    indexes: {
      byCompany: {
        pk: { field: TABLE.partitionKey, composite: ['companyId'], template: 'COMPANY#${companyId}', casing: 'none' },
        sk: { field: TABLE.sortKey, composite: ['threadId'], template: 'THREAD#${threadId}', casing: 'none' },
      },
      /** A company's threads, most recent activity first. */
      byActivity: {
        index: gsi1.name,
        pk: {
          field: gsi1.partitionKey,
          composite: ['companyId'],
          template: 'COMPANY#${companyId}#THREADS',
          casing: 'none',
        },
        sk: {
          field: gsi1.sortKey,
          composite: ['lastMessageAt', 'threadId'],
          template: '${lastMessageAt}#${threadId}',
          casing: 'none',
        },
      },
    },
  },
  config,
);

/** One message, immutable once posted. */
export const message = new Entity(
  {
    model: { entity: 'message', version: '1', service: 'portal' },
    attributes: {
      companyId: { type: 'string', required: true },
      threadId: { type: 'string', required: true },
      messageId: { type: 'string', required: true },
      body: { type: 'string', required: true },
      authorId: { type: 'string', required: true },
      authorName: { type: 'string', required: true },
      authorSide: { type: SIDES, required: true },
      sentAt: { type: 'string', required: true },
    },
    indexes: {
      byThread: {
        pk: {
          field: TABLE.partitionKey,
          composite: ['companyId', 'threadId'],
          template: 'COMPANY#${companyId}#THREAD#${threadId}',
          casing: 'none',
        },
        sk: {
          field: TABLE.sortKey,
          composite: ['sentAt', 'messageId'],
          template: 'MESSAGE#${sentAt}#${messageId}',
          casing: 'none',
        },
      },
    },
  },
  config,
);
