import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
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

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.pool = new cognito.UserPool(this, 'Pool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: { [S.companyIdAttribute]: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: false }) },
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
      writeAttributes: writable,
    });
  }
}
