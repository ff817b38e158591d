/** The CDK app: `npm run synth` writes the CloudFormation template to cdk.out/ (offline). */
import { App } from 'aws-cdk-lib';
import { createPortalApp } from '../lib/portal-app.ts';

createPortalApp(new App()).synth();
