/** CBP enrolls a company: its category decides the business identifiers it must have. */
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../api/session.tsx';
import type { ResponseOf } from '../../api/client.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useSubmit } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { CATEGORIES } from '../../../../functions/definitions/categories.ts';
import type { Identifiers } from '../../../../functions/schemas/company.ts';
import { CATEGORY_OPTIONS } from './shared.tsx';
import { Alert } from '../../components/alert.tsx';

type IdentifierKey = keyof Identifiers;

/** Each identifier's label and the format CBP issues it in. */
export const IDENTIFIER_FIELDS: Record<IdentifierKey, { label: string; hint: string }> = {
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

export const Enroll = () => {
  const { api } = useSession();
  const [legalName, setLegalName] = useState('');
  const [category, setCategory] = useState('');
  const [pocName, setPocName] = useState('');
  const [pocEmail, setPocEmail] = useState('');
  const [ids, setIds] = useState<Partial<Record<IdentifierKey, string>>>({});
  const [enrolled, setEnrolled] = useState<ResponseOf<'enrollCompany'> | undefined>();
  const required = (CATEGORIES.find((c) => c.id === category)?.identifiers ?? []) as readonly IdentifierKey[];

  const submit = useSubmit(async () => {
    const identifiers = Object.fromEntries(required.map((key) => [key, ids[key]?.trim() ?? '']).filter(([, v]) => v));
    const company = await api.call('enrollCompany', {
      body: {
        legalName,
        category: category as (typeof CATEGORIES)[number]['id'],
        pocEmail: pocEmail.trim(),
        ...(pocName.trim() ? { pocName } : {}),
        identifiers,
      },
    });
    setEnrolled(company);
    setLegalName('');
    setCategory('');
    setPocName('');
    setPocEmail('');
    setIds({});
  });

  return (
    <>
      <PageTitle lead="The category decides the company's portal-update deadline and the identifiers it must have. The point of contact can then request the company's portal account with that email.">
        Enroll a company
      </PageTitle>
      {enrolled ? (
        <Alert type="success" role="status">
          <p>
            {enrolled.legalName} is enrolled.{' '}
            <Link to={`/cbp/companies/${enrolled.companyId}`}>Open {enrolled.legalName}</Link>
          </p>
        </Alert>
      ) : null}
      <ErrorSummary error={submit.error} />
      <form onSubmit={submit.onSubmit} noValidate className="form">
        <TextField
          label="Legal name"
          required
          value={legalName}
          onChange={(e) => setLegalName(e.target.value)}
          error={submit.fieldError('legalName')}
        />
        <SelectField
          label="Category"
          required
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          options={[{ value: '', label: 'Choose a category' }, ...CATEGORY_OPTIONS]}
          error={submit.fieldError('category')}
        />
        {required.length > 0 ? (
          <fieldset className="usa-fieldset">
            <legend className="usa-legend">Business identifiers this category requires</legend>
            {required.map((key) => (
              <TextField
                key={key}
                label={IDENTIFIER_FIELDS[key].label}
                hint={IDENTIFIER_FIELDS[key].hint}
                required
                value={ids[key] ?? ''}
                onChange={(e) => setIds((current) => ({ ...current, [key]: e.target.value }))}
                error={submit.fieldError(`identifiers.${key}`)}
              />
            ))}
          </fieldset>
        ) : (
          <p className="usa-hint">Choose a category to see the identifiers it requires.</p>
        )}
        <TextField
          label="Point of contact name (optional)"
          value={pocName}
          onChange={(e) => setPocName(e.target.value)}
          error={submit.fieldError('pocName')}
        />
        <TextField
          label="Point of contact email"
          type="email"
          required
          hint="The company officer or employee registered with C-TPAT. Only this address can request the company's account."
          value={pocEmail}
          onChange={(e) => setPocEmail(e.target.value)}
          error={submit.fieldError('pocEmail')}
        />
        <SubmitButton busy={submit.busy}>Enroll company</SubmitButton>
      </form>
    </>
  );
};
