import { ArnFormat, Duration, Stack, Token } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import * as z from 'zod/v4';
import type { RouteDefinition } from '../../functions/definitions/routes.ts';
import {
  API_SECURITY_HEADERS,
  CORS_ALLOW_HEADERS,
  CORS_ALLOW_METHODS,
} from '../../functions/definitions/api-headers.ts';

export interface PortalApiProps {
  readonly routes: readonly RouteDefinition[];
  /** The function serving each route, by route id. */
  readonly functions: ReadonlyMap<string, lambda.IFunction>;
  /** Both of the portal's pools: participants' and CBP staff's. */
  readonly userPools: readonly cognito.IUserPool[];
  /** Origins the web client is served from (CORS). */
  readonly allowedOrigins: readonly string[];
  /** Encrypts the access and WAF log groups. */
  readonly logKey: kms.IKey;
  /** Steady-state requests per second for the stage. Default: 50. */
  readonly rateLimit?: number;
  /** Burst for the stage. Default: 100. */
  readonly burstLimit?: number;
  /** Largest request body the WAF lets through. Default: 320 KB (the largest security profile fits). */
  readonly maxBodyBytes?: number;
}

/** API Gateway's request models are JSON Schema draft 4; zod writes them from the same schemas. */
const toModelSchema = (schema: z.core.$ZodType): apigw.JsonSchema => {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, {
    target: 'draft-04',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return { schema: apigw.JsonSchemaVersion.DRAFT4, ...(json as apigw.JsonSchema) };
};

/** The error body of DESIGN section 6, for answers API Gateway gives itself (401, 403, 429, 5xx). */
const gatewayErrorTemplate =
  '{"error":{"code":"$context.error.responseType","message":$context.error.messageString,"details":[]}}';

/** The API's one stage. */
const STAGE_NAME = 'v1';

/**
 * A Lambda proxy integration whose invoke permission is created beside the function rather than
 * beside the method: CDK's `LambdaIntegration` puts it in the API's stack, where 70-odd of them
 * would crowd CloudFormation's 500 resources. The permission is the same: API Gateway may invoke
 * the function for this method on the deployed stage only (no console test invoke).
 */
class FunctionStackLambdaIntegration extends apigw.LambdaIntegration {
  constructor(
    private readonly fn: lambda.IFunction,
    /** The stage's name as a literal: its resource would make the nested stack wait for the deployment, which waits for it. */
    private readonly stageName: string,
  ) {
    super(fn, { allowTestInvoke: false });
  }

  override bind(method: apigw.Method): apigw.IntegrationConfig {
    const config = apigw.AwsIntegration.prototype.bind.call(this, method);
    this.fn.addPermission(`ApiPermission.${method.httpMethod}.${method.resource.path.replace(/\//g, '.')}`, {
      principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: method.api.arnForExecuteApi(method.httpMethod, method.resource.path, this.stageName),
    });
    // As CDK's own bind: a function with a fixed name joins the deployment's hash.
    const functionName = this.fn.functionName;
    return Token.isUnresolved(functionName) ? config : { ...config, deploymentToken: JSON.stringify({ functionName }) };
  }
}

/**
 * The REST API: one method per route of the route table, the Cognito authorizer on every
 * non-public route, body validation from the route's zod schema, JSON access logs, stage
 * throttling, X-Ray, CORS for the web client and a WAF web ACL.
 */
export class PortalApi extends Construct {
  readonly api: apigw.RestApi;
  readonly webAcl: wafv2.CfnWebACL;
  /** Each route's method, by route id (in its function's stack). */
  readonly methods = new Map<string, apigw.Method>();

  constructor(scope: Construct, id: string, props: PortalApiProps) {
    super(scope, id);
    if (props.allowedOrigins.length === 0)
      throw new Error("PortalApi needs the web portal's origin in allowedOrigins: the API answers no other origin");
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: props.logKey,
    });
    this.api = new apigw.RestApi(this, 'Api', {
      restApiName: 'ctpat-portal',
      description: 'C-TPAT Communications Portal',
      endpointTypes: [apigw.EndpointType.REGIONAL],
      cloudWatchRole: true,
      deployOptions: {
        stageName: STAGE_NAME,
        accessLogDestination: new apigw.LogGroupLogDestination(accessLogs),
        // The standard fields and who it was (issue 20 item 3): the token's subject and company,
        // empty when the authorizer refused the request or the route is public.
        accessLogFormat: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: apigw.AccessLogField.contextRequestId(),
            ip: apigw.AccessLogField.contextIdentitySourceIp(),
            requestTime: apigw.AccessLogField.contextRequestTime(),
            httpMethod: apigw.AccessLogField.contextHttpMethod(),
            resourcePath: apigw.AccessLogField.contextResourcePath(),
            status: apigw.AccessLogField.contextStatus(),
            protocol: apigw.AccessLogField.contextProtocol(),
            responseLength: apigw.AccessLogField.contextResponseLength(),
            subject: apigw.AccessLogField.contextAuthorizerClaims('sub'),
            companyId: apigw.AccessLogField.contextAuthorizerClaims('custom:companyId'),
            authorizerError: apigw.AccessLogField.contextAuthorizerError(),
            wafStatus: apigw.AccessLogField.contextWafResponseCode(),
          }),
        ),
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        metricsEnabled: true,
        tracingEnabled: true,
        throttlingRateLimit: props.rateLimit ?? 50,
        throttlingBurstLimit: props.burstLimit ?? 100,
      },
      defaultCorsPreflightOptions: {
        allowOrigins: [...props.allowedOrigins],
        allowHeaders: [...CORS_ALLOW_HEADERS],
        allowMethods: [...CORS_ALLOW_METHODS],
        maxAge: Duration.hours(1),
      },
    });
    for (const [name, type] of [
      ['Default4xx', apigw.ResponseType.DEFAULT_4XX],
      ['Default5xx', apigw.ResponseType.DEFAULT_5XX],
    ] as const) {
      this.api.addGatewayResponse(name, {
        type,
        templates: { 'application/json': gatewayErrorTemplate },
        // A gateway response cannot choose among origins: it names the web portal's first one.
        // It carries the handlers' security headers too (no-store, HSTS).
        responseHeaders: {
          'Access-Control-Allow-Origin': `'${props.allowedOrigins[0]}'`,
          ...Object.fromEntries(Object.entries(API_SECURITY_HEADERS).map(([name, value]) => [name, `'${value}'`])),
        },
      });
    }

    const authorizer = new apigw.CognitoUserPoolsAuthorizer(this, 'Authorizer', {
      cognitoUserPools: [...props.userPools],
    });
    const validator = this.api.addRequestValidator('Validator', {
      validateRequestBody: true,
      validateRequestParameters: true,
    });

    for (const route of props.routes) {
      const fn = props.functions.get(route.id);
      if (!fn) throw new Error(`No function for route ${route.id}; every route in the route table needs one`);
      const resource = this.api.root.resourceForPath(route.path);
      const isPublic = route.auth === 'public';
      // The method and its model live beside their function, in its area's nested stack: the
      // parent keeps the API, its paths and their CORS methods (CloudFormation allows 500
      // resources per stack; decision 30). No console test-invoke permission: one Lambda
      // permission per method, also beside the function.
      const scope = Stack.of(fn) === Stack.of(this) ? this : Stack.of(fn);
      const method = new apigw.Method(scope, `Method-${route.id}`, {
        resource,
        httpMethod: route.method,
        integration: new FunctionStackLambdaIntegration(fn, STAGE_NAME),
        options: {
          operationName: route.id,
          requestValidator: validator,
          ...(route.body
            ? {
                requestModels: {
                  'application/json': new apigw.Model(scope, `Model-${route.id}`, {
                    restApi: this.api,
                    contentType: 'application/json',
                    modelName: `${route.id}Body`,
                    schema: toModelSchema(route.body),
                  }),
                },
              }
            : {}),
          ...(route.pathParams
            ? {
                requestParameters: Object.fromEntries(
                  Object.keys(route.pathParams).map((p) => [`method.request.path.${p}`, true]),
                ),
              }
            : {}),
          ...(isPublic
            ? { authorizationType: apigw.AuthorizationType.NONE }
            : { authorizer, authorizationType: apigw.AuthorizationType.COGNITO }),
        },
      });
      this.methods.set(route.id, method);
    }

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        metricName: 'ctpat-portal-api',
        sampledRequestsEnabled: true,
      },
      rules: [
        ...[
          'AWSManagedRulesCommonRuleSet',
          'AWSManagedRulesKnownBadInputsRuleSet',
          'AWSManagedRulesAmazonIpReputationList',
        ].map((name, i) => ({
          name,
          priority: i,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name,
              // The common set blocks bodies over 8 KB; profiles are larger by design, so that one
              // rule only counts and the portal's own limit below blocks instead.
              ...(name === 'AWSManagedRulesCommonRuleSet'
                ? { ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }] }
                : {}),
            },
          },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
        })),
        {
          name: 'BodyLargerThanPortalLimit',
          priority: 5,
          action: { block: {} },
          statement: {
            sizeConstraintStatement: {
              fieldToMatch: { body: { oversizeHandling: 'MATCH' } },
              comparisonOperator: 'GT',
              size: props.maxBodyBytes ?? 320 * 1024,
              textTransformations: [{ priority: 0, type: 'NONE' }],
            },
          },
          visibilityConfig: {
            cloudWatchMetricsEnabled: true,
            metricName: 'BodyLargerThanPortalLimit',
            sampledRequestsEnabled: true,
          },
        },
        {
          name: 'RateLimitPerIp',
          priority: 10,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: 'IP' } },
          visibilityConfig: {
            cloudWatchMetricsEnabled: true,
            metricName: 'RateLimitPerIp',
            sampledRequestsEnabled: true,
          },
        },
      ],
    });
    // WAF logs (the group name must start with aws-waf-logs-), without the caller's token.
    const wafLogs = new logs.LogGroup(this, 'WafLogs', {
      logGroupName: `aws-waf-logs-${Stack.of(this).stackName}`,
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: props.logKey,
    });
    new wafv2.CfnLoggingConfiguration(this, 'WafLogging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [
        Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: wafLogs.logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      redactedFields: [{ singleHeader: { Name: 'authorization' } }],
    });
    new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', {
      resourceArn: this.api.deploymentStage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
