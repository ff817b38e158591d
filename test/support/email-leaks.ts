/**
 * The email-content check (issue 16, item 6), as pure functions: which values of a request body
 * are confidential, and which stored emails carry any of them. No email subject or body may carry
 * an alert's or bulletin's title or text, a message's subject or text, or a company's data; the one
 * exception is a company's name in an email to CBP's own program mailbox.
 */
import { EMAIL_TEMPLATES } from '../../functions/definitions/email-templates.ts';

/** A value a test sent to the portal that no email may repeat; a company's name may go to the program mailbox. */
export interface Confidential {
  readonly kind: 'company-name' | 'content';
  readonly value: string;
}

/** An email as the SES emulator stores it (the parts the check reads). */
export interface CheckedEmail {
  readonly destination: {
    readonly to: readonly string[];
    readonly cc: readonly string[];
    readonly bcc: readonly string[];
  };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
}

export interface Leak {
  readonly to: readonly string[];
  readonly subject: string;
  readonly value: string;
  readonly kind: Confidential['kind'];
}

/** Shorter values are too common to mean anything when they turn up in an email. */
export const MIN_LENGTH = 6;

/**
 * Fields whose text is confidential wherever a body has them: an alert's or bulletin's title and
 * body, a thread's subject and a message's body, CBP's notes and comments, a company's statements.
 */
const CONTENT_KEYS = new Set(['title', 'body', 'subject', 'statement', 'comments', 'note', 'reason']);
/** Bodies that are a company's data through and through (every string in them), apart from the keys below. */
const WHOLE_BODY = [/\/account-info$/, /\/security-profile$/];
/** Not confidential in an email: the recipient's own address, and enumerated kinds. */
const NEVER = new Set(['email', 'kind', 'country', 'version']);

const strings = (value: unknown, out: string[]): string[] => {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) if (!NEVER.has(key)) strings(item, out);
  return out;
};

/** The confidential values in a request body the tests send to `method path`. */
export const confidentialIn = (method: string, path: string, body: unknown): Confidential[] => {
  const found: Confidential[] = [];
  const pathOnly = path.split('?')[0]!;
  if (method === 'PUT' && WHOLE_BODY.some((pattern) => pattern.test(pathOnly))) {
    return strings(body, []).map((value) => ({ kind: 'content', value }));
  }
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'legalName' && typeof item === 'string') found.push({ kind: 'company-name', value: item });
        else if (key === 'identifiers')
          found.push(...strings(item, []).map((v) => ({ kind: 'content' as const, value: v })));
        else if (CONTENT_KEYS.has(key) && typeof item === 'string') found.push({ kind: 'content', value: item });
        else walk(item);
      }
    }
  };
  walk(body);
  return found;
};

const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#x27': "'",
  '#39': "'",
  '#x3D': '=',
  '#x60': '`',
  '#x2F': '/',
};
/** An HTML part as its reader sees it: tags gone, Handlebars' escapes undone. */
const htmlText = (html: string) =>
  html.replace(/<[^>]*>/g, ' ').replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole);

/** The words every email of that kind carries anyway: a value inside them is no leak. */
const BOILERPLATE = normal(
  Object.values(EMAIL_TEMPLATES)
    .flatMap((t) => [t.subject, t.text])
    .join('\n')
    .replace(/\{\{\w+\}\}/g, '\n'),
);

/** Whether a value is worth looking for: long enough, and not words every email says anyway. */
export const meaningful = (value: string): boolean => {
  const text = normal(value);
  return text.length >= MIN_LENGTH && !BOILERPLATE.includes(text);
};

/**
 * Every email that carries a confidential value in its subject, text or HTML, except a company's
 * name in an email to the program mailbox. Case and runs of white space do not hide a value.
 */
export const findLeaks = (
  emails: readonly CheckedEmail[],
  values: readonly Confidential[],
  programMailbox: string,
): Leak[] => {
  const wanted = new Map<string, Confidential>();
  for (const v of values) if (meaningful(v.value)) wanted.set(`${v.kind}\u0000${normal(v.value)}`, v);
  const leaks: Leak[] = [];
  for (const email of emails) {
    const to = [...email.destination.to, ...email.destination.cc, ...email.destination.bcc];
    const toProgram = to.some((address) => address.toLowerCase() === programMailbox.toLowerCase());
    const parts = normal([email.subject, email.body.text ?? '', htmlText(email.body.html ?? '')].join('\n'));
    for (const v of wanted.values()) {
      if (v.kind === 'company-name' && toProgram) continue;
      if (parts.includes(normal(v.value))) leaks.push({ to, subject: email.subject, value: v.value, kind: v.kind });
    }
  }
  return leaks;
};

/** The run's one-line verdict. */
export const summary = (emails: number, values: readonly Confidential[], leaks: readonly Leak[]): string =>
  `[test] email content check: ${emails} emails, ${new Set(values.filter((v) => meaningful(v.value)).map((v) => normal(v.value))).size} confidential values, ${leaks.length} leaks`;

/**
 * The error that fails the run: for each value that leaked, the first email that carried it
 * (recipients and subject) and how many emails did.
 */
export const leakReport = (leaks: readonly Leak[]): string => {
  const byValue = new Map<string, Leak[]>();
  for (const leak of leaks) byValue.set(leak.value, [...(byValue.get(leak.value) ?? []), leak]);
  const lines = [...byValue.values()].map(([first, ...rest]) => {
    const more = rest.length > 0 ? ` (and ${rest.length} more email(s))` : '';
    return `  to ${first!.to.join(', ')}, subject "${first!.subject}": carries ${first!.kind} "${first!.value.slice(0, 120)}"${more}`;
  });
  return [
    `${leaks.length} email(s) carry confidential content the tests sent to the portal:`,
    ...lines.slice(0, 30),
    ...(lines.length > 30 ? [`  ... and ${lines.length - 30} more values`] : []),
  ].join('\n');
};
