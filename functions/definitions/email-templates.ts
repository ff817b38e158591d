/**
 * SES email templates as data: the CDK stack creates them in SES, the local bootstrap creates
 * them in the SES emulator. Placeholders use SES's Handlebars syntax. No template carries
 * confidential content: no company data, no alert's or bulletin's title or text, no message's
 * subject or text, and no free text that another person typed (not even the name an inviter gave
 * the recipient: a name can carry a fake "account locked" paragraph); at most the recipient's own
 * address, a due date, the company's own standing, an alert's kind and severity, and where to
 * sign in. Only the program notice, which goes to CBP's own C-TPAT mailbox, names the company it
 * is about (its legal name, as CBP enrolled it).
 */
export interface EmailTemplate {
  readonly name: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export const EMAIL_TEMPLATES = {
  invitation: {
    name: 'ctpat-invitation',
    subject: 'Your C-TPAT Portal account',
    text: [
      'Hello,',
      '',
      'An account has been created for you on the C-TPAT Communications Portal.',
      '',
      'Sign in at {{portalUrl}} with',
      '  email: {{email}}',
      '  temporary password: {{temporaryPassword}}',
      '',
      'The temporary password expires in {{expiresDays}} days; you will choose your own password when you first sign in.',
      'If you did not expect this message, contact the C-TPAT help desk.',
    ].join('\n'),
    html: [
      '<p>Hello,</p>',
      '<p>An account has been created for you on the C-TPAT Communications Portal.</p>',
      '<p>Sign in at <a href="{{portalUrl}}">{{portalUrl}}</a> with<br>email: {{email}}<br>temporary password: <code>{{temporaryPassword}}</code></p>',
      '<p>The temporary password expires in {{expiresDays}} days; you will choose your own password when you first sign in.</p>',
      '<p>If you did not expect this message, contact the C-TPAT help desk.</p>',
    ].join('\n'),
  },
  passwordReset: {
    name: 'ctpat-password-reset',
    subject: 'Your C-TPAT Portal password reset code',
    text: [
      'Someone asked to reset the password of your C-TPAT Communications Portal account.',
      '',
      'Your reset code is {{code}}. It is valid for {{validMinutes}} minutes.',
      'Enter it at {{portalUrl}}/forgot-password with your new password.',
      '',
      'If you did not ask for this, ignore this email: your password has not changed.',
    ].join('\n'),
    html: [
      '<p>Someone asked to reset the password of your C-TPAT Communications Portal account.</p>',
      '<p>Your reset code is <strong>{{code}}</strong>. It is valid for {{validMinutes}} minutes.<br>Enter it at <a href="{{portalUrl}}/forgot-password">{{portalUrl}}/forgot-password</a> with your new password.</p>',
      '<p>If you did not ask for this, ignore this email: your password has not changed.</p>',
    ].join('\n'),
  },
  reminder: {
    name: 'ctpat-reminder',
    subject: 'C-TPAT: your {{what}} is due by {{dueDate}}',
    text: [
      'This is a reminder from the C-TPAT Communications Portal.',
      '',
      "Your company's {{what}} is due by {{dueDate}} ({{daysLeft}} from today).",
      '{{action}}',
      '',
      'Sign in at {{portalUrl}} to see what is still needed.',
      'A company that misses this date is removed from C-TPAT, loses its benefits and has to reapply.',
    ].join('\n'),
    html: [
      '<p>This is a reminder from the C-TPAT Communications Portal.</p>',
      "<p>Your company's {{what}} is due by <strong>{{dueDate}}</strong> ({{daysLeft}} from today).<br>{{action}}</p>",
      '<p>Sign in at <a href="{{portalUrl}}">{{portalUrl}}</a> to see what is still needed.</p>',
      '<p>A company that misses this date is removed from C-TPAT, loses its benefits and has to reapply.</p>',
    ].join('\n'),
  },
  removal: {
    name: 'ctpat-removal',
    subject: 'C-TPAT: your company has been removed from the program',
    text: [
      'Your company was removed from C-TPAT on {{removedOn}} because {{reasonText}}.',
      'Its C-TPAT benefits are revoked from that date.',
      '',
      "Your company's users can still sign in at {{portalUrl}} to read messages, and the primary point of contact can apply there to rejoin the program.",
    ].join('\n'),
    html: [
      '<p>Your company was removed from C-TPAT on {{removedOn}} because {{reasonText}}.</p>',
      '<p>Its C-TPAT benefits are revoked from that date.</p>',
      '<p>Your company\'s users can still sign in at <a href="{{portalUrl}}">{{portalUrl}}</a> to read messages, and the primary point of contact can apply there to rejoin the program.</p>',
    ].join('\n'),
  },
  standing: {
    name: 'ctpat-standing',
    subject: 'C-TPAT: {{event}}',
    text: ['{{event}} on {{date}}.', '{{next}}', '', 'Sign in at {{portalUrl}} for the details.'].join('\n'),
    html: [
      '<p>{{event}} on {{date}}.</p>',
      '<p>{{next}}</p>',
      '<p>Sign in at <a href="{{portalUrl}}">{{portalUrl}}</a> for the details.</p>',
    ].join('\n'),
  },
  programNotice: {
    name: 'ctpat-program-notice',
    subject: 'C-TPAT portal: {{event}}',
    text: [
      '{{event}}: {{companyName}} ({{category}}), {{date}}.',
      '',
      'The record and its audit trail are in the portal: {{portalUrl}}',
    ].join('\n'),
    html: [
      '<p>{{event}}: {{companyName}} ({{category}}), {{date}}.</p>',
      '<p>The record and its audit trail are in the portal: <a href="{{portalUrl}}">{{portalUrl}}</a></p>',
    ].join('\n'),
  },
  messageNotice: {
    name: 'ctpat-message-notice',
    subject: 'C-TPAT: a new secure message from {{from}}',
    text: [
      'You have a new secure message from {{from}} in the C-TPAT Communications Portal.',
      '',
      'Sign in at {{portalUrl}} to read it. For your security, messages are never sent by email.',
    ].join('\n'),
    html: [
      '<p>You have a new secure message from {{from}} in the C-TPAT Communications Portal.</p>',
      '<p>Sign in at <a href="{{portalUrl}}">{{portalUrl}}</a> to read it. For your security, messages are never sent by email.</p>',
    ].join('\n'),
  },
  // Kind, severity, what to do and where: an alert's title is as sensitive as its text, so
  // neither is ever in an email. (Deliveries queued before this change still carry a `title`
  // in their data; the template no longer reads it.)
  alert: {
    name: 'ctpat-alert',
    subject: 'C-TPAT: a new {{kindLabel}} ({{severity}} severity) for your company',
    text: [
      'CBP has published a {{kindLabel}} of {{severity}} severity for your company in the C-TPAT Communications Portal.',
      '',
      'Sign in at {{portalUrl}} to read it and acknowledge it.',
      'For your security, its title and content are only in the portal, never in email.',
    ].join('\n'),
    html: [
      '<p>CBP has published a {{kindLabel}} of <strong>{{severity}}</strong> severity for your company in the C-TPAT Communications Portal.</p>',
      '<p>Sign in at <a href="{{portalUrl}}">{{portalUrl}}</a> to read it and acknowledge it.</p>',
      '<p>For your security, its title and content are only in the portal, never in email.</p>',
    ].join('\n'),
  },
  pocChanged: {
    name: 'ctpat-poc-changed',
    subject: 'C-TPAT: the point of contact for your portal account has changed',
    text: [
      "The registered point of contact for your company's C-TPAT Communications Portal account was changed by the C-TPAT program on {{date}}.",
      '{{change}}',
      '',
      '{{next}}',
      'If you did not expect this message, contact the C-TPAT program.',
    ].join('\n'),
    html: [
      "<p>The registered point of contact for your company's C-TPAT Communications Portal account was changed by the C-TPAT program on {{date}}.<br>{{change}}</p>",
      '<p>{{next}}</p>',
      '<p>The portal: <a href="{{portalUrl}}">{{portalUrl}}</a>. If you did not expect this message, contact the C-TPAT program.</p>',
    ].join('\n'),
  },
} as const satisfies Record<string, EmailTemplate>;

export type TemplateKey = keyof typeof EMAIL_TEMPLATES;
