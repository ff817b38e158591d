/**
 * Cargo security alerts and sanitized intelligence: the alert, its fan-out (a work item on the
 * due-date index until every targeted company has it), each company's inbox copy, and each
 * user's acknowledgement.
 */
import { Entity } from 'electrodb';
import { documents, TABLE_NAME } from '../clients/dynamodb.ts';
import { TABLE } from '../definitions/table.ts';

const config = { table: TABLE_NAME, client: documents };
const { gsi1, due } = TABLE.indexes;
export const ALERT_KINDS = ['cargo-security-alert', 'sanitized-intelligence'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export const alert = new Entity(
  {
    model: { entity: 'alert', version: '1', service: 'portal' },
    attributes: {
      alertId: { type: 'string', required: true },
      kind: { type: ALERT_KINDS, required: true },
      title: { type: 'string', required: true },
      body: { type: 'string', required: true },
      severity: { type: SEVERITIES, required: true },
      /** { scope: 'all' | 'categories' | 'companies', categories?, companyIds? } */
      audience: { type: 'any', required: true },
      expiresAt: { type: 'string' },
      status: { type: ['awaiting-approval', 'published'] as const, required: true },
      createdBy: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
      approvedBy: { type: 'string' },
      publishedAt: { type: 'string' },
      /** Filled in by the fan-out: companies and recipients reached, and when it finished. */
      companies: { type: 'number' },
      recipients: { type: 'number' },
      fannedOutAt: { type: 'string' },
    },
    indexes: {
      byId: {
        pk: { field: TABLE.partitionKey, composite: ['alertId'], template: 'ALERT#${alertId}', casing: 'none' },
        sk: { field: TABLE.sortKey, composite: [], template: 'ALERT', casing: 'none' },
      },
      /** Every alert, newest first, for CBP. */
      byCreated: {
        index: gsi1.name,
        pk: { field: gsi1.partitionKey, composite: [], template: 'ALERTS', casing: 'none' },
        sk: {
          field: gsi1.sortKey,
          composite: ['createdAt', 'alertId'],
          template: '${createdAt}#${alertId}',
          casing: 'none',
        },
      },
    },
  },
  config,
);

/**
 * The work of delivering one published alert: where the fan-out has got to (`cursor`), on the
 * due-date index under `FANOUT#<shard>` until it is done, then deleted.
 */
export const fanOut = new Entity(
  {
    model: { entity: 'fanOut', version: '1', service: 'portal' },
    attributes: {
      alertId: { type: 'string', required: true },
      shard: { type: 'string', required: true },
      dueAt: { type: 'string', required: true },
      /** Opaque position: which target list, and the query cursor within it. */
      cursor: { type: 'string', required: true },
      pages: { type: 'number', required: true },
      companies: { type: 'number', required: true },
      recipients: { type: 'number', required: true },
    },
    indexes: {
      byAlert: {
        pk: { field: TABLE.partitionKey, composite: ['alertId'], template: 'ALERT#${alertId}', casing: 'none' },
        sk: { field: TABLE.sortKey, composite: [], template: 'FANOUT', casing: 'none' },
      },
      byDue: {
        index: due.name,
        pk: { field: due.partitionKey, composite: ['shard'], template: 'FANOUT#${shard}', casing: 'none' },
        sk: { field: due.sortKey, composite: ['dueAt', 'alertId'], template: '${dueAt}#${alertId}', casing: 'none' },
      },
    },
  },
  config,
);

/** What a company's copy of an alert holds: enough to list it without reading the alert. */
const inboxCopy = {
  companyId: { type: 'string', required: true },
  alertId: { type: 'string', required: true },
  publishedAt: { type: 'string', required: true },
  kind: { type: ALERT_KINDS, required: true },
  title: { type: 'string', required: true },
  severity: { type: SEVERITIES, required: true },
  expiresAt: { type: 'string' },
} as const;

/** An alert in one company's inbox, and whether (and by whom first) the company acknowledged it. */
export const inboxItem = new Entity(
  {
    model: { entity: 'inboxItem', version: '1', service: 'portal' },
    attributes: {
      ...inboxCopy,
      acknowledgedAt: { type: 'string' },
      acknowledgedBy: { type: 'string' },
    },
    indexes: {
      byCompany: {
        pk: { field: TABLE.partitionKey, composite: ['companyId'], template: 'COMPANY#${companyId}', casing: 'none' },
        sk: {
          field: TABLE.sortKey,
          composite: ['publishedAt', 'alertId'],
          template: 'INBOX#${publishedAt}#${alertId}',
          casing: 'none',
        },
      },
      /** Every company an alert reached, for CBP's acknowledgement view. */
      byAlert: {
        index: gsi1.name,
        pk: { field: gsi1.partitionKey, composite: ['alertId'], template: 'ALERT#${alertId}#INBOXES', casing: 'none' },
        sk: { field: gsi1.sortKey, composite: ['companyId'], template: 'COMPANY#${companyId}', casing: 'none' },
      },
    },
  },
  config,
);

/** One user's acknowledgement of one alert. */
export const acknowledgement = new Entity(
  {
    model: { entity: 'acknowledgement', version: '1', service: 'portal' },
    attributes: {
      alertId: { type: 'string', required: true },
      companyId: { type: 'string', required: true },
      userId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      at: { type: 'string', required: true },
    },
    indexes: {
      byAlert: {
        pk: { field: TABLE.partitionKey, composite: ['alertId'], template: 'ALERT#${alertId}', casing: 'none' },
        sk: {
          field: TABLE.sortKey,
          composite: ['companyId', 'userId'],
          template: 'ACK#${companyId}#${userId}',
          casing: 'none',
        },
      },
    },
  },
  config,
);

/**
 * A high or critical alert that nobody in the company has acknowledged yet: written with the
 * inbox item, deleted by the company's first acknowledgement. The inbox reads these alone, so
 * listing what is pending never reads the whole inbox.
 */
export const pendingAcknowledgement = new Entity(
  {
    model: { entity: 'pendingAcknowledgement', version: '1', service: 'portal' },
    attributes: inboxCopy,
    indexes: {
      byCompany: {
        pk: { field: TABLE.partitionKey, composite: ['companyId'], template: 'COMPANY#${companyId}', casing: 'none' },
        sk: {
          field: TABLE.sortKey,
          composite: ['publishedAt', 'alertId'],
          template: 'ACK-PENDING#${publishedAt}#${alertId}',
          casing: 'none',
        },
      },
    },
  },
  config,
);

/** Companies that acknowledged an alert, counted on one of ACK_COUNT_SHARDS items so that a burst of acknowledgements does not contend for one. */
export const ACK_COUNT_SHARDS = 10;
export const acknowledgementCount = new Entity(
  {
    model: { entity: 'acknowledgementCount', version: '1', service: 'portal' },
    attributes: {
      alertId: { type: 'string', required: true },
      shard: { type: 'number', required: true },
      companies: { type: 'number', required: true, default: 0 },
    },
    indexes: {
      byAlert: {
        pk: { field: TABLE.partitionKey, composite: ['alertId'], template: 'ALERT#${alertId}', casing: 'none' },
        sk: { field: TABLE.sortKey, composite: ['shard'], template: 'ACKCOUNT#${shard}', casing: 'none' },
      },
    },
  },
  config,
);
