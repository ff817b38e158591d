/**
 * ElectroDB entities on the generic keys of the table definition. Keys are templates declared
 * here; no other module builds a key string. Everything a company owns has a partition key
 * that starts with `COMPANY#<companyId>`.
 */
import { Entity, Service } from 'electrodb';
import { documents, TABLE_NAME } from '../clients/dynamodb.ts';
import { TABLE } from '../definitions/table.ts';
import { CATEGORY_IDS } from '../definitions/categories.ts';
import { ROLES } from '../definitions/roles.ts';
import { deadlinePolicy, deadlineRevision, obligation } from './schedule-entities.ts';
import { message, thread } from './message-entities.ts';
import {
  acknowledgement,
  acknowledgementCount,
  alert,
  fanOut,
  inboxItem,
  pendingAcknowledgement,
} from './alert-entities.ts';
import { grant, grantRequest } from './sharing-entities.ts';
import { secondaryContact, unreachableAddress } from './contact-entities.ts';

const config = { table: TABLE_NAME, client: documents };
const { gsi1, due } = TABLE.indexes;

export const company = new Entity(
  {
    model: { entity: 'company', version: '1', service: 'portal' },
    attributes: {
      companyId: { type: 'string', required: true },
      legalName: { type: 'string', required: true },
      category: { type: CATEGORY_IDS, required: true },
      pocEmail: { type: 'string', required: true },
      pocName: { type: 'string' },
      identifiers: {
        type: 'map',
        required: true,
        properties: {
          ein: { type: 'string' },
          iorNumber: { type: 'string' },
          scac: { type: 'string' },
          mid: { type: 'string' },
          filerCode: { type: 'string' },
          iataCode: { type: 'string' },
          fmcLicense: { type: 'string' },
        },
      },
      status: { type: ['active', 'removed'] as const, required: true },
      enrolledAt: { type: 'string', required: true },
      enrolledBy: { type: 'string', required: true },
      version: { type: 'number', required: true },
      /** When the account information and every required profile answer were first complete. */
      portalUpdateCompletedAt: { type: 'string' },
      nextCertificationDueAt: { type: 'string' },
      certificationStatus: { type: ['submitted', 'approved', 'returned'] as const },
      lastCertification: {
        type: 'map',
        properties: {
          certificationId: { type: 'string', required: true },
          profileVersion: { type: 'number', required: true },
          certifiedAt: { type: 'string', required: true },
        },
      },
      deadlineExtendedTo: { type: 'string' },
      removal: { type: 'any' },
      reinstatedAt: { type: 'string' },
      reapplication: { type: 'any' },
      /** The contact the company named besides its POC: reminders and removal notices go to both. */
      secondaryContact: {
        type: 'map',
        properties: { name: { type: 'string', required: true }, email: { type: 'string', required: true } },
      },
      /** SES reported the POC's address (`pocEmail`) unreachable: `{ at, reason, detail? }`; cleared when the address changes. */
      pocUnreachable: { type: 'any' },
      /** The same for the secondary contact's address. */
      secondaryUnreachable: { type: 'any' },
    },
    indexes: {
      byId: {
        pk: { field: TABLE.partitionKey, composite: ['companyId'], template: 'COMPANY#${companyId}', casing: 'none' },
        sk: { field: TABLE.sortKey, composite: [], template: 'COMPANY', casing: 'none' },
      },
      byCategory: {
        index: gsi1.name,
        pk: { field: gsi1.partitionKey, composite: ['category'], template: 'CATEGORY#${category}', casing: 'none' },
        sk: {
          field: gsi1.sortKey,
          composite: ['status', 'companyId'],
          template: 'COMPANY#${status}#${companyId}',
          casing: 'none',
        },
      },
    },
  },
  config,
);

/** A person's portal membership: the source of truth for role, status and permissions. */
export const member = new Entity(
  {
    model: { entity: 'member', version: '1', service: 'portal' },
    attributes: {
      companyId: { type: 'string', required: true },
      userId: { type: 'string', required: true },
      email: { type: 'string', required: true },
      name: { type: 'string', required: true },
      role: { type: ROLES, required: true },
      status: { type: ['active', 'disabled'] as const, required: true },
      permissions: {
        type: 'map',
        required: true,
        properties: {
          editProfile: { type: 'boolean', required: true },
          authorizeSharing: { type: 'boolean', required: true },
        },
      },
      createdAt: { type: 'string', required: true },
      version: { type: 'number', required: true },
      /** When the user verified an authenticator app (TOTP); Cognito then asks for a code at every sign-in. */
      mfaEnrolledAt: { type: 'string' },
      /** When the latest invitation (a temporary password) was sent; it expires three days later on the portal's clock. */
      invitedAt: { type: 'string' },
    },
    indexes: {
      byCompany: {
        pk: { field: TABLE.partitionKey, composite: ['companyId'], template: 'COMPANY#${companyId}', casing: 'none' },
        sk: { field: TABLE.sortKey, composite: ['userId'], template: 'USER#${userId}', casing: 'none' },
      },
    },
  },
  config,
);

/** One email is one person: this claim item makes an email unique across the portal. */
export const emailClaim = new Entity(
  {
    model: { entity: 'emailClaim', version: '1', service: 'portal' },
    attributes: {
      email: { type: 'string', required: true },
      companyId: { type: 'string', required: true },
      /** `registered-poc` until the POC's account exists, then `user`. */
      kind: { type: ['registered-poc', 'user'] as const, required: true },
      userId: { type: 'string' },
      claimedAt: { type: 'string', required: true },
      /** While the POC's account is being created: until when one request holds the creation. */
      creatingUntil: { type: 'string' },
    },
    indexes: {
      byEmail: {
        pk: { field: TABLE.partitionKey, composite: ['email'], template: 'EMAIL#${email}', casing: 'none' },
        sk: { field: TABLE.sortKey, composite: [], template: 'EMAIL', casing: 'none' },
      },
    },
  },
  config,
);

/** Append-only audit trail; records are never updated or deleted (IAM denies it too). */
export const audit = new Entity(
  {
    model: { entity: 'audit', version: '1', service: 'portal' },
    attributes: {
      companyId: { type: 'string', required: true },
      auditId: { type: 'string', required: true },
      at: { type: 'string', required: true },
      day: { type: 'string', required: true },
      actorId: { type: 'string', required: true },
      actorRole: { type: 'string', required: true },
      actorCompanyId: { type: 'string', required: true },
      action: { type: 'string', required: true },
      objectType: { type: 'string', required: true },
      objectId: { type: 'string', required: true },
      sourceIp: { type: 'string' },
      changes: { type: 'any' },
    },
    indexes: {
      byCompany: {
        pk: {
          field: TABLE.partitionKey,
          composite: ['companyId'],
          template: 'COMPANY#${companyId}#AUDIT',
          casing: 'none',
        },
        sk: { field: TABLE.sortKey, composite: ['at', 'auditId'], template: '${at}#${auditId}', casing: 'none' },
      },
      /** CBP reads the whole portal's trail day by day. */
      byDay: {
        index: gsi1.name,
        pk: { field: gsi1.partitionKey, composite: ['day'], template: 'AUDIT#${day}', casing: 'none' },
        sk: { field: gsi1.sortKey, composite: ['at', 'auditId'], template: '${at}#${auditId}', casing: 'none' },
      },
    },
  },
  config,
);

/**
 * The email outbox (DESIGN section 8): one delivery of one template to at most 50 recipients,
 * written in the same transaction as the decision to send it. While pending (or leased to a
 * sender) it sits in the due-date index under `OUTBOX#<shard>`, keyed by its next attempt.
 */
export const delivery = new Entity(
  {
    model: { entity: 'delivery', version: '1', service: 'portal' },
    attributes: {
      deliveryId: { type: 'string', required: true },
      template: { type: 'string', required: true },
      /** [{ email, data }]: per-recipient template data. */
      recipients: { type: 'any', required: true },
      /** Data every recipient's message shares. */
      defaultData: { type: 'any', required: true },
      status: { type: ['pending', 'sending', 'sent', 'failed'] as const, required: true },
      attempts: { type: 'number', required: true },
      nextAttemptAt: { type: 'string', required: true },
      shard: { type: 'string', required: true },
      /** email -> { status: 'sent' | 'failed', messageId?, error?, at } */
      results: { type: 'any', required: true },
      reason: { type: 'string', required: true },
      createdAt: { type: 'string', required: true },
    },
    indexes: {
      byId: {
        pk: { field: TABLE.partitionKey, composite: ['deliveryId'], template: 'OUTBOX#${deliveryId}', casing: 'none' },
        sk: { field: TABLE.sortKey, composite: [], template: 'DELIVERY', casing: 'none' },
      },
      byDue: {
        index: due.name,
        condition: (attr) => attr.status === 'pending' || attr.status === 'sending',
        pk: { field: due.partitionKey, composite: ['shard'], template: 'OUTBOX#${shard}', casing: 'none' },
        sk: {
          field: due.sortKey,
          composite: ['nextAttemptAt', 'deliveryId'],
          template: '${nextAttemptAt}#${deliveryId}',
          casing: 'none',
        },
      },
    },
  },
  config,
);

/** A fixed-window request counter (rate limits); expires by itself through the table's TTL. */
export const rateCounter = new Entity(
  {
    model: { entity: 'rateCounter', version: '1', service: 'portal' },
    attributes: {
      key: { type: 'string', required: true },
      window: { type: 'string', required: true },
      count: { type: 'number', required: true },
      [TABLE.ttlAttribute]: { type: 'number', required: true },
    },
    indexes: {
      byKey: {
        pk: { field: TABLE.partitionKey, composite: ['key'], template: 'RATE#${key}', casing: 'none' },
        sk: { field: TABLE.sortKey, composite: ['window'], template: 'WINDOW#${window}', casing: 'none' },
      },
    },
  },
  config,
);

/** Portal Account Information: one record per company, replaced whole, guarded by its version. */
export const accountInfo = new Entity(
  {
    model: { entity: 'accountInfo', version: '1', service: 'portal' },
    attributes: {
      companyId: { type: 'string', required: true },
      contacts: { type: 'any', required: true },
      headquarters: { type: 'any', required: true },
      facilities: { type: 'any', required: true },
      identifiers: { type: 'any', required: true },
      version: { type: 'number', required: true },
      updatedAt: { type: 'string', required: true },
      updatedBy: { type: 'string', required: true },
    },
    indexes: {
      byCompany: {
        pk: { field: TABLE.partitionKey, composite: ['companyId'], template: 'COMPANY#${companyId}', casing: 'none' },
        sk: { field: TABLE.sortKey, composite: [], template: 'ACCOUNT_INFO', casing: 'none' },
      },
    },
  },
  config,
);

const profileAttributes = {
  companyId: { type: 'string', required: true },
  version: { type: 'number', required: true, padding: { length: 9, char: '0' } },
  answers: { type: 'any', required: true },
  completeness: { type: 'any', required: true },
  changed: { type: 'list', items: { type: 'string' }, required: true },
  savedAt: { type: 'string', required: true },
  savedBy: { type: 'string', required: true },
} as const;

/**
 * The current Security Profile: a copy of the newest version, whose `version` guards saves
 * (a save names the version it edits; the condition refuses a stale one).
 */
export const profileCurrent = new Entity(
  {
    model: { entity: 'profileCurrent', version: '1', service: 'portal' },
    attributes: profileAttributes,
    indexes: {
      byCompany: {
        pk: { field: TABLE.partitionKey, composite: ['companyId'], template: 'COMPANY#${companyId}', casing: 'none' },
        sk: { field: TABLE.sortKey, composite: [], template: 'PROFILE', casing: 'none' },
      },
    },
  },
  config,
);

/** Every saved Security Profile version, immutable (created once, never updated). */
export const profileVersion = new Entity(
  {
    model: { entity: 'profileVersion', version: '1', service: 'portal' },
    attributes: profileAttributes,
    indexes: {
      byCompany: {
        pk: { field: TABLE.partitionKey, composite: ['companyId'], template: 'COMPANY#${companyId}', casing: 'none' },
        sk: { field: TABLE.sortKey, composite: ['version'], template: 'PROFILE#V${version}', casing: 'none' },
      },
    },
  },
  config,
);

/** Annual certifications: the primary POC's statement, the profile version it covers, CBP's review. */
export const certification = new Entity(
  {
    model: { entity: 'certification', version: '1', service: 'portal' },
    attributes: {
      companyId: { type: 'string', required: true },
      certificationId: { type: 'string', required: true },
      profileVersion: { type: 'number', required: true },
      certifiedBy: { type: 'string', required: true },
      certifiedAt: { type: 'string', required: true },
      nextDueAt: { type: 'string', required: true },
      status: { type: ['submitted', 'approved', 'returned'] as const, required: true },
      // Not required: certifications made before the statement was recorded have none (read as `profile-current`).
      statement: { type: ['profile-current', 'reviewed-unchanged'] as const },
      reconfirms: {
        type: 'map',
        properties: {
          certificationId: { type: 'string', required: true },
          profileVersion: { type: 'number', required: true },
          certifiedAt: { type: 'string', required: true },
        },
      },
      reviewedBy: { type: 'string' },
      reviewedAt: { type: 'string' },
      comments: { type: 'string' },
    },
    indexes: {
      byCompany: {
        pk: { field: TABLE.partitionKey, composite: ['companyId'], template: 'COMPANY#${companyId}', casing: 'none' },
        sk: {
          field: TABLE.sortKey,
          composite: ['certificationId'],
          template: 'CERT#${certificationId}',
          casing: 'none',
        },
      },
    },
  },
  config,
);

export {
  obligation,
  deadlinePolicy,
  deadlineRevision,
  thread,
  message,
  alert,
  fanOut,
  inboxItem,
  acknowledgement,
  pendingAcknowledgement,
  acknowledgementCount,
  grant,
  grantRequest,
  secondaryContact,
  unreachableAddress,
};

/** The service ties the entities together for transactions. */
export const portal = new Service(
  {
    company,
    member,
    emailClaim,
    audit,
    obligation,
    deadlinePolicy,
    deadlineRevision,
    delivery,
    rateCounter,
    accountInfo,
    profileCurrent,
    profileVersion,
    certification,
    thread,
    message,
    alert,
    fanOut,
    inboxItem,
    acknowledgement,
    pendingAcknowledgement,
    acknowledgementCount,
    grant,
    grantRequest,
    secondaryContact,
    unreachableAddress,
  },
  config,
);
