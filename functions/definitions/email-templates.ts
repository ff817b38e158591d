/**
 * SES email templates as data: the CDK stack creates them in SES, the local bootstrap creates
 * them in the SES emulator. Placeholders use SES's Handlebars syntax. No template carries a
 * company's confidential data: at most a person's name and where to sign in.
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
      'Hello {{name}},',
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
      '<p>Hello {{name}},</p>',
      '<p>An account has been created for you on the C-TPAT Communications Portal.</p>',
      '<p>Sign in at <a href="{{portalUrl}}">{{portalUrl}}</a> with<br>email: {{email}}<br>temporary password: <code>{{temporaryPassword}}</code></p>',
      '<p>The temporary password expires in {{expiresDays}} days; you will choose your own password when you first sign in.</p>',
      '<p>If you did not expect this message, contact the C-TPAT help desk.</p>',
    ].join('\n'),
  },
} as const satisfies Record<string, EmailTemplate>;

export type TemplateKey = keyof typeof EMAIL_TEMPLATES;
