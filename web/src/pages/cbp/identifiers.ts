import type { Identifiers } from '../../../../functions/schemas/company.ts';

/** Each business identifier's label and the format CBP issues it in (enrollment, and a company's record). */
export const IDENTIFIER_FIELDS: Record<keyof Identifiers, { label: string; hint: string }> = {
  iorNumber: {
    label: 'IOR number',
    hint: 'An EIN with an optional 2-character suffix (12-3456789AB), or a CBP-assigned number (123456-12345).',
  },
  ein: { label: 'EIN', hint: 'Like 12-3456789.' },
  scac: { label: 'SCAC', hint: '2 to 4 capital letters.' },
  mid: { label: 'MID', hint: 'The ISO country code, then up to 13 letters or digits.' },
  filerCode: { label: 'Filer code', hint: '3 letters or digits.' },
  iataCode: { label: 'IATA code', hint: '2 letters or digits.' },
  fmcLicense: { label: 'FMC license', hint: '3 to 6 digits with an optional letter.' },
};
