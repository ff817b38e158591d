import { Validations, type App } from 'aws-cdk-lib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NagFindings {
  /** Names of the validation plugins the app ran. */
  readonly packs: string;
  /** Findings no acknowledgement covers, by rule and construct path. */
  readonly violations: { plugin: string; rule: string; paths: string[] }[];
  /** Every acknowledgement in the app, with the construct it sits on. */
  readonly acknowledgements: { path: string; id: string; reason: string }[];
}

/** What cdk-nag's packs reported for a synthesized app, and what the app acknowledged. */
export const nagFindings = (app: App, assemblyDir: string): NagFindings => {
  const report = JSON.parse(readFileSync(join(assemblyDir, 'validation-report.json'), 'utf8')) as {
    pluginReports: {
      pluginName: string;
      violations?: { ruleName: string; violatingConstructs: { constructPath: string }[] }[];
    }[];
  };
  // The report lists plugins only when they find something: ask the app which ones ran.
  const packs = app.policyValidationBeta1.map((plugin) => plugin.name).join(' ');
  const violations = report.pluginReports.flatMap((r) =>
    (r.violations ?? []).map((v) => ({
      plugin: r.pluginName,
      rule: v.ruleName,
      paths: v.violatingConstructs.map((c) => c.constructPath),
    })),
  );
  const acknowledgements: NagFindings['acknowledgements'] = [];
  for (const construct of app.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>))
        acknowledgements.push({ path: construct.node.path, id, reason });
    }
  }
  return { packs, violations, acknowledgements };
};
