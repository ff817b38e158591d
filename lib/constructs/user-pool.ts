import { Duration, RemovalPolicy, SecretValue, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { USER_POOL_SETTINGS as S } from '../user-pool-settings.ts';
import type { Realm } from '../../functions/definitions/roles.ts';

/**
 * CBP's identity provider for staff sign-in, from the `staffIdentityProvider` context (deploy.md):
 * OIDC with its client secret in Secrets Manager, or SAML by its metadata URL. Federated staff sign
 * in at the staff pool's domain; the IdP, not Cognito, then asks for their second factor (PIV).
 */
export type StaffIdentityProvider =
  | {
      readonly type: 'oidc';
      readonly name: string;
      readonly issuerUrl: string;
      readonly clientId: string;
      /** A Secrets Manager secret holding the client secret (never the secret itself in context). */
      readonly clientSecretName: string;
    }
  | { readonly type: 'saml'; readonly name: string; readonly metadataUrl: string };

export interface PortalUserPoolProps {
  /** `participants`: a second factor is optional; `staff` (CBP): Cognito requires one of everyone. */
  readonly realm: Realm;
  /** Shared by both pools: one key for the custom email sender to decrypt codes with. */
  readonly codeKey?: kms.Key;
  readonly federation?: {
    readonly provider: StaffIdentityProvider;
    /** The pool domain's prefix (`<prefix>.auth.<region>.amazoncognito.com`). */
    readonly domainPrefix: string;
    /** Where the pool's sign-in pages return to (the web portal's URL). */
    readonly callbackUrls: readonly string[];
  };
}

/**
 * The portal's identities, in two pools (decision 60): participants', and CBP staff's, where
 * Cognito requires a second factor (TOTP) of everyone, so no setting a staff member can change
 * turns it off. Admin-only creation (the portal creates accounts for registered POCs, the users
 * they add and staff), role groups, an immutable server-written `companyId`, short tokens and
 * Cognito threat protection, which blocks compromised passwords.
 */
export class PortalUserPool extends Construct {
  readonly pool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** Cognito encrypts the one-time codes it hands to the custom email sender with this key. */
  readonly codeKey: kms.Key;

  constructor(scope: Construct, id: string, props: PortalUserPoolProps) {
    super(scope, id);
    this.codeKey = props.codeKey ?? this.newCodeKey();
    const staff = props.realm === 'staff';
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
      mfa: staff ? cognito.Mfa.REQUIRED : cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const group of S.groupsOf[props.realm]) {
      new cognito.CfnUserPoolGroup(this, `Group-${group}`, { userPoolId: this.pool.userPoolId, groupName: group });
    }
    // No app client may write companyId: only standard attributes are writable.
    const writable = new cognito.ClientAttributes().withStandardAttributes({ fullname: true });
    const federation = props.federation ? this.federate(props.federation) : undefined;
    this.client = this.pool.addClient('PortalClient', {
      ...federation,
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

  private newCodeKey(): kms.Key {
    const key = new kms.Key(this, 'CodeKey', {
      description: 'C-TPAT portal: encrypts Cognito codes for the custom email sender',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Cognito encrypts with it; the pool's own ARN would make a cycle, so the account and service bound it.
    const stack = Stack.of(this);
    key.addToResourcePolicy(
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
    return key;
  }

  /** CBP's identity provider on the staff pool, its domain, and the client's code flow with it. */
  private federate(federation: NonNullable<PortalUserPoolProps['federation']>) {
    const { provider } = federation;
    const mapping = {
      email: cognito.ProviderAttribute.other('email'),
      fullname: cognito.ProviderAttribute.other('name'),
    };
    const idp =
      provider.type === 'oidc'
        ? new cognito.UserPoolIdentityProviderOidc(this, 'StaffIdp', {
            userPool: this.pool,
            name: provider.name,
            issuerUrl: provider.issuerUrl,
            clientId: provider.clientId,
            // A CloudFormation dynamic reference: the secret is resolved at deploy, never in the template.
            clientSecret: SecretValue.secretsManager(provider.clientSecretName).unsafeUnwrap(),
            scopes: ['openid', 'email', 'profile'],
            attributeMapping: mapping,
          })
        : new cognito.UserPoolIdentityProviderSaml(this, 'StaffIdp', {
            userPool: this.pool,
            name: provider.name,
            metadata: cognito.UserPoolIdentityProviderSamlMetadata.url(provider.metadataUrl),
            attributeMapping: mapping,
          });
    this.pool.addDomain('Domain', { cognitoDomain: { domainPrefix: federation.domainPrefix } });
    const supported = [
      cognito.UserPoolClientIdentityProvider.COGNITO,
      cognito.UserPoolClientIdentityProvider.custom(provider.name),
    ];
    this.pool.registerIdentityProvider(idp);
    return {
      supportedIdentityProviders: supported,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [...federation.callbackUrls],
        logoutUrls: [...federation.callbackUrls],
      },
    };
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
