/**
 * Point-of-contact continuity (issue 16): the company's secondary contact, found by address, and
 * the addresses SES reported as unreachable. Part of the `portal` service in `entities.ts`.
 */
import { Entity } from 'electrodb';
import { documents, TABLE_NAME } from '../clients/dynamodb.ts';
import { TABLE } from '../definitions/table.ts';

const config = { table: TABLE_NAME, client: documents };
const { gsi1 } = TABLE.indexes;

/**
 * The company's secondary contact as a lookup entry: it lives under the company (tenant keys) and
 * is found by address on `gsi1` (`CONTACT#<email>`), so a bounce for that address finds every
 * company that named it. The company item carries the same name and address for reads.
 */
export const secondaryContact = new Entity(
  {
    model: { entity: 'secondaryContact', version: '1', service: 'portal' },
    attributes: {
      companyId: { type: 'string', required: true },
      email: { type: 'string', required: true },
      name: { type: 'string', required: true },
      setAt: { type: 'string', required: true },
    },
    indexes: {
      byCompany: {
        pk: { field: TABLE.partitionKey, composite: ['companyId'], template: 'COMPANY#${companyId}', casing: 'none' },
        sk: { field: TABLE.sortKey, composite: [], template: 'SECONDARY_CONTACT', casing: 'none' },
      },
      byEmail: {
        index: gsi1.name,
        pk: { field: gsi1.partitionKey, composite: ['email'], template: 'CONTACT#${email}', casing: 'none' },
        sk: { field: gsi1.sortKey, composite: ['companyId'], template: 'COMPANY#${companyId}', casing: 'none' },
      },
    },
  },
  config,
);

/**
 * An address SES reported as unreachable (a permanent bounce or a complaint): the first report
 * and the latest, so a repeat changes nothing that matters. Not company data: one per address.
 */
export const unreachableAddress = new Entity(
  {
    model: { entity: 'unreachableAddress', version: '1', service: 'portal' },
    attributes: {
      email: { type: 'string', required: true },
      reason: { type: ['bounce', 'complaint'] as const, required: true },
      /** SES's detail: the bounce sub-type (`General`, `NoEmail`, ...) or the complaint feedback type. */
      detail: { type: 'string' },
      firstAt: { type: 'string', required: true },
      lastAt: { type: 'string', required: true },
      /** The SES message id of the latest report, to trace it. */
      sesMessageId: { type: 'string', required: true },
      reports: { type: 'number', required: true },
    },
    indexes: {
      byEmail: {
        pk: { field: TABLE.partitionKey, composite: ['email'], template: 'UNREACHABLE#${email}', casing: 'none' },
        sk: { field: TABLE.sortKey, composite: [], template: 'ADDRESS', casing: 'none' },
      },
    },
  },
  config,
);
