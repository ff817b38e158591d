/**
 * The emails that a company's standing in the program causes, as outbox deliveries. None
 * carries confidential data (DESIGN section 7): a due date, the company's own standing, and
 * where to sign in; only the notice to CBP's program mailbox names the company.
 */
import { newDelivery } from './deliveries.ts';
import { MAX_RECIPIENTS, type Delivery } from '../schemas/outbox.ts';
import { EMAIL_TEMPLATES } from '../definitions/email-templates.ts';
import { CATEGORIES, type CategoryId } from '../definitions/categories.ts';
import type { Ids } from './clock.ts';
import type { ObligationKind } from '../schemas/obligations.ts';
import type { RemovalReason } from '../schemas/company.ts';
import { spelledDate } from '../definitions/program-time.ts';

/** `2006-07-01` (or an ISO instant, by its day in Washington) as `July 1, 2006`. */
export const spelled = (date: string): string => spelledDate(date);

const WHAT: Record<ObligationKind, { what: string; action: string }> = {
  enrollment: {
    what: 'portal update',
    action: 'Complete your Portal Account Information and Supply Chain Security Profile in the portal.',
  },
  recertification: {
    what: 'annual recertification',
    action:
      'The review window is open: review your Supply Chain Security Profile, and have your primary point of contact certify it.',
  },
};

const REASON_TEXT: Record<RemovalReason, string> = {
  'enrollment-deadline-missed': 'its portal update was not completed by the deadline',
  'certification-lapsed': 'its annual recertification was not submitted by the due date',
  'cbp-decision': 'of a decision by the C-TPAT program',
};

const REASON_LABEL: Record<RemovalReason, string> = {
  'enrollment-deadline-missed': 'portal update deadline missed',
  'certification-lapsed': 'annual recertification lapsed',
  'cbp-decision': 'removed by CBP',
};

interface Target {
  readonly companyId: string;
  readonly legalName: string;
  readonly category: CategoryId;
  readonly pocEmail: string;
  /** An obligation's copy of the secondary contact's address. */
  readonly secondaryEmail?: string;
  /** A company's secondary contact. */
  readonly secondaryContact?: { readonly email: string };
}

/**
 * Who hears of a deadline: the POC and, when the company named one, its secondary contact
 * (once, if a hand-over or a POC change made them the same address).
 */
export const contactsOf = (target: Target): string[] => [
  ...new Set(
    [target.pocEmail, target.secondaryEmail ?? target.secondaryContact?.email].filter((e): e is string => Boolean(e)),
  ),
];

/** `1 day`, `30 days`. */
export const days = (n: number): string => `${n} ${n === 1 ? 'day' : 'days'}`;

const categoryName = (id: CategoryId) => CATEGORIES.find((c) => c.id === id)?.name ?? id;

export const reminder = (
  ids: Ids,
  target: Target,
  kind: ObligationKind,
  due: { dueDate: string; daysLeft: number; mark: string },
  now: string,
): Delivery =>
  newDelivery({
    deliveryId: ids.next(),
    template: EMAIL_TEMPLATES.reminder.name,
    recipients: contactsOf(target).map((email) => ({ email, data: {} })),
    defaultData: { ...WHAT[kind], dueDate: spelled(due.dueDate), daysLeft: days(due.daysLeft) },
    reason: `reminder:${target.companyId}:${due.mark}`,
    now,
  });

/** The removal notice to the company's POC (and secondary contact), and the announcement to CBP's program mailbox. */
export const removal = (
  ids: Ids,
  programEmail: string,
  target: Target,
  reason: RemovalReason,
  now: string,
): Delivery[] => [
  newDelivery({
    deliveryId: ids.next(),
    template: EMAIL_TEMPLATES.removal.name,
    recipients: contactsOf(target).map((email) => ({ email, data: {} })),
    defaultData: { removedOn: spelled(now), reasonText: REASON_TEXT[reason] },
    reason: `removal:${target.companyId}`,
    now,
  }),
  programNotice(ids, programEmail, target, `Company removed: ${REASON_LABEL[reason]}`, now),
];

export const programNotice = (ids: Ids, programEmail: string, target: Target, event: string, now: string): Delivery =>
  newDelivery({
    deliveryId: ids.next(),
    template: EMAIL_TEMPLATES.programNotice.name,
    recipients: [{ email: programEmail, data: {} }],
    defaultData: { event, companyName: target.legalName, category: categoryName(target.category), date: spelled(now) },
    reason: `program-notice:${target.companyId}`,
    now,
  });

/** A change of standing the company hears about: reinstated, reapplication accepted or declined. */
export const standing = (ids: Ids, target: Target, event: string, next: string, now: string): Delivery =>
  newDelivery({
    deliveryId: ids.next(),
    template: EMAIL_TEMPLATES.standing.name,
    recipients: [{ email: target.pocEmail, data: {} }],
    defaultData: { event, next, date: spelled(now) },
    reason: `standing:${target.companyId}`,
    now,
  });

/**
 * "You have a new secure message": to each recipient (in deliveries of at most 50), with no
 * subject and no content, only who it is from (CBP, or a participant company) and where to read it.
 */
export const messageNotice = (
  ids: Ids,
  recipients: readonly string[],
  fromSide: 'company' | 'cbp',
  reason: string,
  now: string,
): Delivery[] => {
  const deliveries: Delivery[] = [];
  for (let i = 0; i < recipients.length; i += MAX_RECIPIENTS) {
    deliveries.push(
      newDelivery({
        deliveryId: ids.next(),
        template: EMAIL_TEMPLATES.messageNotice.name,
        recipients: recipients.slice(i, i + MAX_RECIPIENTS).map((email) => ({ email, data: {} })),
        defaultData: { from: fromSide === 'cbp' ? 'CBP' : 'a participant company' },
        reason,
        now,
      }),
    );
  }
  return deliveries;
};

/** The fixed window a program-mailbox digest covers: the one that holds `at`. */
export const digestWindow = (at: Date, seconds: number): { start: Date; end: Date } => {
  const start = Math.floor(at.getTime() / 1000 / seconds) * seconds;
  return { start: new Date(start * 1000), end: new Date((start + seconds) * 1000) };
};

/** One id per company and window: its existence is what tells later messages that the window's digest is already on its way. */
export const digestId = (companyId: string, window: { start: Date }): string =>
  `digest-${companyId}-${window.start.getTime() / 1000}`;

/**
 * CBP's program mailbox hears of a company's new messages in a digest: one per company per
 * window, due when the window closes, naming the company (the program mailbox may see it) and
 * nothing of what was written.
 */
export const messageDigest = (
  programEmail: string,
  target: Pick<Target, 'companyId' | 'legalName' | 'category'>,
  window: { start: Date; end: Date },
  now: string,
): Delivery =>
  newDelivery({
    deliveryId: digestId(target.companyId, window),
    template: EMAIL_TEMPLATES.programNotice.name,
    recipients: [{ email: programEmail, data: {} }],
    defaultData: {
      event: 'New secure messages',
      companyName: target.legalName,
      category: categoryName(target.category),
      date: spelled(window.start.toISOString()),
    },
    reason: `message-digest:${target.companyId}`,
    now,
    dueAt: window.end.toISOString(),
  });

/** Whether a delivery is a program-mailbox digest (due later, so nobody sends it at once). */
export const isDigest = (d: Pick<Delivery, 'reason'>): boolean => d.reason.startsWith('message-digest:');

/** What the new registered POC can do next, by what became of the company's account. */
export type PocAccount = 'none-yet' | 'new-address-requests' | 'existing-user-promoted';

const NEXT_FOR_NEW: Record<PocAccount, string> = {
  'none-yet':
    'Ask for the portal account with this address on the portal\'s "Request your account" page; an invitation with a temporary password will follow.',
  'new-address-requests':
    'Ask for the primary point-of-contact account with this address on the portal\'s "Request your account" page; an invitation with a temporary password will follow.',
  'existing-user-promoted':
    'Sign in with your existing portal account: it now holds the primary point-of-contact role.',
};

/**
 * A CBP administrator changed the registered POC: one notice to the old address and one to the new.
 * Neither names the company nor says why (the reason stays in the audit trail).
 */
export const pocChanged = (
  ids: Ids,
  change: { companyId: string; oldEmail: string; newEmail: string; account: PocAccount; oldAccountDisabled: boolean },
  now: string,
): Delivery[] => {
  const date = spelled(now);
  const reason = `poc-change:${change.companyId}`;
  return [
    newDelivery({
      deliveryId: ids.next(),
      template: EMAIL_TEMPLATES.pocChanged.name,
      recipients: [{ email: change.oldEmail, data: {} }],
      defaultData: {
        date,
        change: 'This address is no longer the registered point of contact.',
        next: change.oldAccountDisabled
          ? 'The primary point-of-contact account of this address has been disabled; reminders and notices now go to the new point of contact.'
          : "Reminders and notices about the company's C-TPAT obligations now go to the new point of contact.",
      },
      reason,
      now,
    }),
    newDelivery({
      deliveryId: ids.next(),
      template: EMAIL_TEMPLATES.pocChanged.name,
      recipients: [{ email: change.newEmail, data: {} }],
      defaultData: {
        date,
        change: 'This address is now the registered point of contact.',
        next: NEXT_FOR_NEW[change.account],
      },
      reason,
      now,
    }),
  ];
};
