/**
 * The entities of the deadline schedule: open obligations on the due-date index, and the
 * deadline policy with its revisions. Part of the `portal` service in `entities.ts`.
 */
import { Entity } from 'electrodb';
import { documents, TABLE_NAME } from '../clients/dynamodb.ts';
import { TABLE } from '../definitions/table.ts';
import { CATEGORY_IDS } from '../definitions/categories.ts';

const config = { table: TABLE_NAME, client: documents };
const { gsi1, due } = TABLE.indexes;

/**
 * An open obligation of a company: its enrollment deadline (until the portal update is
 * complete) or its annual recertification. `dueAt` is when the sweep must next look at it (a
 * reminder step, the removal, or a reschedule); only open obligations exist, so the due-date
 * index stays sparse, and the shard spreads them over a few partitions. It carries what the
 * sweep needs to act (category, name, POC email) so a sweep reads only the items that are due.
 */
export const obligation = new Entity(
  {
    model: { entity: 'obligation', version: '1', service: 'portal' },
    attributes: {
      companyId: { type: 'string', required: true },
      kind: { type: ['enrollment', 'recertification'] as const, required: true },
      dueAt: { type: 'string', required: true },
      shard: { type: 'string', required: true },
      category: { type: CATEGORY_IDS, required: true },
      legalName: { type: 'string', required: true },
      pocEmail: { type: 'string', required: true },
      /** The company's secondary contact, who hears the reminders and the removal notice too. */
      secondaryEmail: { type: 'string' },
      /** The deadline (`YYYY-MM-DD`) the reminders count down to, once scheduled. */
      dueDate: { type: 'string' },
      /** Enrollment: the company's enrollment time and any per-company extension. */
      enrolledAt: { type: 'string' },
      extendedTo: { type: 'string' },
      /** `<kind>:<dueDate>:<days>` of every reminder step already sent (or passed over). */
      remindersSent: { type: 'list', items: { type: 'string' }, required: true },
      /** The category policy revision this schedule was computed from. */
      policyRevision: { type: 'number', required: true },
    },
    indexes: {
      byCompany: {
        pk: { field: TABLE.partitionKey, composite: ['companyId'], template: 'COMPANY#${companyId}', casing: 'none' },
        sk: { field: TABLE.sortKey, composite: ['kind'], template: 'OBLIGATION#${kind}', casing: 'none' },
      },
      /** A revised category policy re-times exactly the open obligations of that category. */
      byCategory: {
        index: gsi1.name,
        pk: { field: gsi1.partitionKey, composite: ['category'], template: 'OBLIGATIONS#${category}', casing: 'none' },
        sk: { field: gsi1.sortKey, composite: ['kind', 'companyId'], template: '${kind}#${companyId}', casing: 'none' },
      },
      byDue: {
        index: due.name,
        pk: { field: due.partitionKey, composite: ['shard'], template: 'DUE#${shard}', casing: 'none' },
        sk: {
          field: due.sortKey,
          composite: ['dueAt', 'companyId', 'kind'],
          template: '${dueAt}#${companyId}#${kind}',
          casing: 'none',
        },
      },
    },
  },
  config,
);

const policyAttributes = {
  category: { type: CATEGORY_IDS, required: true },
  deadline: { type: 'string' },
  newEnrolleeDays: { type: 'number', required: true },
  reminderDays: { type: 'list', items: { type: 'number' }, required: true },
  revision: { type: 'number', required: true, padding: { length: 6, char: '0' } },
  revisedAt: { type: 'string', required: true },
  revisedBy: { type: 'string', required: true },
  reason: { type: 'string', required: true },
} as const;

/**
 * A category's current deadline policy, once a CBP administrator has revised it (until then the
 * policy is revision 0 from `definitions/deadlines.ts`). `retimedRevision` says up to which
 * revision the sweep has re-timed the category's open obligations.
 */
export const deadlinePolicy = new Entity(
  {
    model: { entity: 'deadlinePolicy', version: '1', service: 'portal' },
    attributes: { ...policyAttributes, retimedRevision: { type: 'number', required: true } },
    indexes: {
      byCategory: {
        pk: { field: TABLE.partitionKey, composite: [], template: 'DEADLINES', casing: 'none' },
        sk: { field: TABLE.sortKey, composite: ['category'], template: 'CATEGORY#${category}', casing: 'none' },
      },
    },
  },
  config,
);

/** Every revision of a category's deadline policy, immutable: who, when, why, what. */
export const deadlineRevision = new Entity(
  {
    model: { entity: 'deadlineRevision', version: '1', service: 'portal' },
    attributes: policyAttributes,
    indexes: {
      byCategory: {
        pk: { field: TABLE.partitionKey, composite: ['category'], template: 'DEADLINES#${category}', casing: 'none' },
        sk: { field: TABLE.sortKey, composite: ['revision'], template: 'REVISION#${revision}', casing: 'none' },
      },
    },
  },
  config,
);
