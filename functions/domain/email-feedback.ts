/**
 * SES's word that an address cannot be reached (issue 16): a permanent bounce or a complaint,
 * published by the configuration set to EventBridge. The address is recorded, and each company
 * whose POC or secondary contact it is gets marked, so CBP's companies list shows "POC
 * unreachable" and a specialist can call before the deadline. Transient bounces (a full mailbox,
 * a server down) mark nothing: SES retries those itself.
 */
import type { Ids } from './clock.ts';
import { auditItem, type Actor } from './audit.ts';
import { CBP_COMPANY_ID } from '../definitions/roles.ts';
import { SesEventBridgeEvent } from '../schemas/email-feedback.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { Unreachable } from '../schemas/company.ts';
import type { UnreachableReport } from '../schemas/contacts.ts';

/** The records of unreachable addresses and of the companies that use them. */
export interface UnreachableRecords {
  /** Answers whether the report was new (the same report twice changes nothing). */
  recordUnreachable(report: UnreachableReport): Promise<boolean>;
  /** The companies whose POC or secondary contact this address may be. */
  companiesReachedAt(email: string): Promise<{ poc: readonly string[]; secondary: readonly string[] }>;
  /**
   * Marks the company's contact in `role` unreachable, with the audit record, only while `email`
   * is still its address and not yet marked; answers whether it marked it now.
   */
  markUnreachable(
    companyId: string,
    role: 'poc' | 'secondary',
    email: string,
    unreachable: Unreachable,
    audit: AuditRecord,
  ): Promise<boolean>;
}

export interface FeedbackDeps {
  readonly ids: Ids;
  readonly contacts: UnreachableRecords;
}

/** The marks are the portal's own, made on SES's report; audit records say so. */
export const FEEDBACK_ACTOR: Actor = {
  userId: 'system:email-feedback',
  role: 'system',
  companyId: CBP_COMPANY_ID,
  sourceIp: 'ses',
};

export interface Feedback {
  readonly reason: Unreachable['reason'];
  readonly detail?: string;
  readonly at: string;
  readonly sesMessageId: string;
  readonly addresses: readonly string[];
}

/**
 * The unreachable addresses an event reports, or null for anything else (a transient or
 * undetermined bounce, another event type, something that is not an SES event at all).
 */
export const feedbackOf = (event: unknown): Feedback | null => {
  const parsed = SesEventBridgeEvent.safeParse(event);
  if (!parsed.success) return null;
  const { eventType, mail, bounce, complaint } = parsed.data.detail;
  const lower = (rs: readonly { emailAddress: string }[]) => [
    ...new Set(rs.map((r) => r.emailAddress.trim().toLowerCase())),
  ];
  if (eventType === 'Bounce' && bounce?.bounceType === 'Permanent') {
    return {
      reason: 'bounce',
      ...(bounce.bounceSubType ? { detail: bounce.bounceSubType } : {}),
      at: bounce.timestamp,
      sesMessageId: mail.messageId,
      addresses: lower(bounce.bouncedRecipients),
    };
  }
  if (eventType === 'Complaint' && complaint) {
    return {
      reason: 'complaint',
      ...(complaint.complaintFeedbackType ? { detail: complaint.complaintFeedbackType } : {}),
      at: complaint.timestamp,
      sesMessageId: mail.messageId,
      addresses: lower(complaint.complainedRecipients),
    };
  }
  return null;
};

export interface FeedbackReport {
  /** Why nothing was marked, when nothing could be. */
  readonly ignored?: 'not-a-permanent-bounce-or-complaint';
  readonly addresses: number;
  /** `<companyId>:poc` or `<companyId>:secondary`, for each mark made now. */
  readonly marked: readonly string[];
}

/**
 * Records each reported address and marks the companies that use it. Idempotent: EventBridge may
 * deliver an event twice, and a mark is conditional on the company still using the address and not
 * being marked yet. A failure throws, so the event is retried and, after its retries, dead-lettered.
 */
export const recordFeedback = async (deps: FeedbackDeps, event: unknown, now: Date): Promise<FeedbackReport> => {
  const feedback = feedbackOf(event);
  if (!feedback) return { ignored: 'not-a-permanent-bounce-or-complaint', addresses: 0, marked: [] };
  const marked: string[] = [];
  for (const email of feedback.addresses) {
    await deps.contacts.recordUnreachable({
      email,
      reason: feedback.reason,
      ...(feedback.detail ? { detail: feedback.detail } : {}),
      at: feedback.at,
      sesMessageId: feedback.sesMessageId,
    });
    const unreachable: Unreachable = {
      at: feedback.at,
      reason: feedback.reason,
      ...(feedback.detail ? { detail: feedback.detail } : {}),
    };
    const reached = await deps.contacts.companiesReachedAt(email);
    const targets = [
      ...reached.poc.map((companyId) => ({ companyId, role: 'poc' as const })),
      ...reached.secondary.map((companyId) => ({ companyId, role: 'secondary' as const })),
    ];
    for (const { companyId, role } of targets) {
      const audit = auditItem(
        FEEDBACK_ACTOR,
        {
          companyId,
          action: 'contact.unreachable',
          objectType: 'company',
          objectId: companyId,
          changes: { role, email, ...unreachable, sesMessageId: feedback.sesMessageId },
        },
        now,
        deps.ids.next(),
      );
      if (await deps.contacts.markUnreachable(companyId, role, email, unreachable, audit))
        marked.push(`${companyId}:${role}`);
    }
  }
  return { addresses: feedback.addresses.length, marked };
};
