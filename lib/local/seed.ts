/**
 * The demo: CBP staff with printed passwords and companies in several categories, one of
 * which already has its POC account. Runs through the same domain functions as the API.
 */
import { CBP_COMPANY_ID } from '../../functions/definitions/roles.ts';
import type { Caller } from '../../functions/domain/caller.ts';
import { allDeps } from '../../functions/domain/default-deps.ts';
import * as companies from '../../functions/domain/companies.ts';
import { provisionUser } from '../../functions/domain/users.ts';
import type { EnrollCompany } from '../../functions/schemas/company.ts';

export interface DemoSignIn {
  readonly who: string;
  readonly email: string;
  readonly password: string;
}

/** The seed acts as this system identity; its audit records say so. */
const SEED_CALLER: Caller = {
  userId: 'system:seed',
  email: 'system@ctpat.local',
  name: 'Demo seed',
  role: 'cbp-admin',
  companyId: CBP_COMPANY_ID,
  permissions: { editProfile: false, authorizeSharing: false },
  company: { companyId: CBP_COMPANY_ID, legalName: 'U.S. Customs and Border Protection', status: 'cbp' },
  sourceIp: 'local-seed',
};

const DEMO_COMPANIES: readonly EnrollCompany[] = [
  { legalName: 'Acme Imports LLC', category: 'importer', pocEmail: 'poc@acme-imports.example.com', pocName: 'Dana Reyes', identifiers: { iorNumber: '12-3456789AB', ein: '12-3456789' } },
  { legalName: 'Harbor Home Goods Inc.', category: 'importer', pocEmail: 'compliance@harbor-home.example.com', pocName: 'Lee Park', identifiers: { iorNumber: '98-7654321', ein: '98-7654321' } },
  { legalName: 'Great Lakes Freight Co.', category: 'highway-carrier-us-canada', pocEmail: 'security@glfreight.example.com', pocName: 'Sam Novak', identifiers: { scac: 'GLFC' } },
  { legalName: 'Gulf Coast Terminals', category: 'port-authority-terminal-operator', pocEmail: 'ops@gulfcoast-terminals.example.com', pocName: 'Ana Ortiz', identifiers: { ein: '55-1234567' } },
  { legalName: 'Manufacturas del Norte S.A.', category: 'mexican-manufacturer', pocEmail: 'seguridad@mnorte.example.mx', pocName: 'Luis Garza', identifiers: { mid: 'MXMANNOR123MON' } },
  { legalName: 'Liberty Customs Brokers', category: 'customs-broker', pocEmail: 'broker@liberty-cb.example.com', pocName: 'Kim Walsh', identifiers: { filerCode: 'LB7' } },
];

export const DEMO_PASSWORD = 'c-tpat-demo-password-2006';

/** Creates the demo; returns the sign-ins to print. */
export const seedDemo = async (): Promise<DemoSignIn[]> => {
  const deps = allDeps;
  const signIns: DemoSignIn[] = [
    { who: 'CBP administrator', email: 'admin@cbp.example.gov', password: DEMO_PASSWORD },
    { who: 'CBP officer', email: 'officer@cbp.example.gov', password: DEMO_PASSWORD },
  ];
  await provisionUser(deps, { email: signIns[0]!.email, name: 'Pat Morgan', companyId: CBP_COMPANY_ID, role: 'cbp-admin', password: DEMO_PASSWORD });
  await provisionUser(deps, { email: signIns[1]!.email, name: 'Chris Alvarez', companyId: CBP_COMPANY_ID, role: 'cbp-officer', password: DEMO_PASSWORD });

  const enrolled = [];
  for (const input of DEMO_COMPANIES) enrolled.push(await companies.enroll(deps, SEED_CALLER, input));

  // Acme's POC already has an account; the other companies' POCs have yet to request theirs.
  const acme = enrolled[0]!;
  await provisionUser(deps, { email: acme.pocEmail, name: 'Dana Reyes', companyId: acme.companyId, role: 'primary-poc', password: DEMO_PASSWORD });
  await provisionUser(deps, { email: 'analyst@acme-imports.example.com', name: 'Jordan Lee', companyId: acme.companyId, role: 'company-user', password: DEMO_PASSWORD });
  signIns.push(
    { who: `Primary POC, ${acme.legalName}`, email: acme.pocEmail, password: DEMO_PASSWORD },
    { who: `Company user, ${acme.legalName}`, email: 'analyst@acme-imports.example.com', password: DEMO_PASSWORD },
  );
  return signIns;
};
