import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { USER_POOL_SETTINGS as S } from '../user-pool-settings.ts';

/**
 * The portal's identities. Admin-only creation (the portal creates accounts for registered
 * POCs and the users they add), role groups, an immutable server-written `companyId`, short
 * tokens, optional TOTP MFA (the portal requires it of CBP staff) and Cognito threat
 * protection, which blocks compromised passwords.
 */
export class PortalUserPool extends Construct {
  readonly pool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** Cognito encrypts the one-time codes it hands to the custom email sender with this key. */
  readonly codeKey: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.codeKey = new kms.Key(this, 'CodeKey', {
      description: 'C-TPAT portal: encrypts Cognito codes for the custom email sender',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Cognito encrypts with it; the pool's own ARN would make a cycle, so the account and service bound it.
    const stack = Stack.of(this);
    this.codeKey.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cognito-idp.amazonaws.com')],
        actions: ['kms:Encrypt', 'kms:CreateGrant'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({ service: 'cognito-idp', resource: 'userpool', resourceName: '*' }),
          },
        },
      }),
    );
    this.pool = new cognito.UserPool(this, 'Pool', {
      customSenderKmsKey: this.codeKey,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: {
        [S.companyIdAttribute]: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
      },
      passwordPolicy: {
        minLength: S.passwordMinLength,
        requireLowercase: false,
        requireUppercase: false,
        requireDigits: false,
        requireSymbols: false,
        tempPasswordValidity: Duration.days(S.temporaryPasswordValidityDays),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const group of S.groups) {
      new cognito.CfnUserPoolGroup(this, `Group-${group}`, { userPoolId: this.pool.userPoolId, groupName: group });
    }
    // No app client may write companyId: only standard attributes are writable.
    const writable = new cognito.ClientAttributes().withStandardAttributes({ fullname: true });
    this.client = this.pool.addClient('PortalClient', {
      authFlows: { userPassword: true, userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(S.tokenValidityMinutes.access),
      idTokenValidity: Duration.minutes(S.tokenValidityMinutes.id),
      refreshTokenValidity: Duration.hours(S.refreshTokenValidityHours),
      // Rotation (Essentials or Plus plan): a refresh answers a new refresh token and retires the
      // old one, so a copied token dies at the owner's next refresh. CDK then drops
      // ALLOW_REFRESH_TOKEN_AUTH; the portal refreshes with GetTokensFromRefreshToken.
      refreshTokenRotationGracePeriod: Duration.seconds(S.refreshTokenRotationGraceSeconds),
      writeAttributes: writable,
    });
  }

  /**
   * Has Cognito send its emails (password-reset codes) through `sender`, which decrypts each
   * code with the code key and sends the portal's own SES template.
   */
  useEmailSender(sender: lambda.IFunction): void {
    this.pool.addTrigger(cognito.UserPoolOperation.CUSTOM_EMAIL_SENDER, sender);
    this.codeKey.grantDecrypt(sender);
  }
}
