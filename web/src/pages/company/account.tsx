import { useState } from 'react';
import { useSession } from '../../api/session.tsx';
import { ApiError } from '../../api/client.ts';
import { Async, DateText } from '../../components/data.tsx';
import { ErrorSummary, SelectField, SubmitButton, Success, TextField, useSubmit } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { useLoad } from '../../components/use-load.ts';
import { CATEGORIES } from '../../../../functions/definitions/categories.ts';
import { FACILITY_KINDS, type SaveAccountInfo } from '../../../../functions/schemas/account-info.ts';
import type { Identifiers } from '../../../../functions/schemas/company.ts';
import { ActiveCompanyOnly, canEditProfile, IDENTIFIER_KEYS, IDENTIFIER_LABELS, useMe } from './shared.tsx';

interface AddressForm {
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}
interface ContactForm {
  name: string;
  title: string;
  email: string;
  phone: string;
}
interface FacilityForm {
  name: string;
  kind: string;
  address: AddressForm;
}
interface AccountForm {
  version: number;
  contacts: ContactForm[];
  headquarters: AddressForm;
  facilities: FacilityForm[];
  identifiers: Record<keyof Identifiers, string>;
  updatedAt?: string;
}

const emptyAddress = (): AddressForm => ({ line1: '', line2: '', city: '', region: '', postalCode: '', country: 'US' });
const emptyContact = (): ContactForm => ({ name: '', title: '', email: '', phone: '' });
const addressForm = (a: Partial<AddressForm> | undefined): AddressForm => ({
  ...emptyAddress(),
  ...Object.fromEntries(Object.entries(a ?? {}).filter(([, v]) => v !== undefined)),
});

/** Blank optional fields are left out, so the API validates only what was given. */
const trimmed = (a: AddressForm) => ({
  line1: a.line1.trim(),
  ...(a.line2.trim() ? { line2: a.line2.trim() } : {}),
  city: a.city.trim(),
  ...(a.region.trim() ? { region: a.region.trim() } : {}),
  ...(a.postalCode.trim() ? { postalCode: a.postalCode.trim() } : {}),
  // Codes are capitals; typing them in lower case is not worth an error.
  country: a.country.trim().toUpperCase(),
});

const toBody = (form: AccountForm): SaveAccountInfo => ({
  version: form.version,
  contacts: form.contacts.map((c) => ({
    name: c.name.trim(),
    title: c.title.trim(),
    email: c.email.trim(),
    phone: c.phone.trim(),
  })),
  headquarters: trimmed(form.headquarters),
  facilities: form.facilities.map((f) => ({
    name: f.name.trim(),
    kind: f.kind as SaveAccountInfo['facilities'][number]['kind'],
    address: trimmed(f.address),
  })),
  identifiers: Object.fromEntries(
    IDENTIFIER_KEYS.filter((k) => form.identifiers[k].trim()).map((k) => [k, form.identifiers[k].trim().toUpperCase()]),
  ),
});

const ADDRESS_LABELS: Record<string, string> = {
  line1: 'Street address',
  line2: 'Address line 2',
  city: 'City',
  region: 'State, province or region',
  postalCode: 'Postal code',
  country: 'Country code',
};
const CONTACT_LABELS: Record<string, string> = { name: 'Name', title: 'Title', email: 'Email', phone: 'Phone' };

/** The API's field path in the form's words, for the error summary. */
const fieldName = (field: string): string | undefined => {
  const [head, a, b, c] = field.split('.');
  if (head === 'contacts' && a !== undefined)
    return b ? `Contact ${Number(a) + 1}: ${CONTACT_LABELS[b] ?? b}` : `Contact ${Number(a) + 1}`;
  if (head === 'contacts') return 'Contacts';
  if (head === 'headquarters' && a) return `Headquarters: ${ADDRESS_LABELS[a] ?? a}`;
  if (head === 'identifiers' && a) return IDENTIFIER_LABELS[a as keyof Identifiers] ?? a;
  if (head === 'facilities' && a !== undefined) {
    const where = `Facility ${Number(a) + 1}`;
    if (b === 'address' && c) return `${where}: ${ADDRESS_LABELS[c] ?? c}`;
    return b ? `${where}: ${b === 'kind' ? 'Kind' : 'Name'}` : where;
  }
  return undefined;
};

const AddressFields = ({
  value,
  onChange,
  prefix,
  labelPrefix,
  error,
  disabled,
}: {
  value: AddressForm;
  onChange: (a: AddressForm) => void;
  prefix: string;
  labelPrefix: string;
  error: (f: string) => string | undefined;
  disabled: boolean;
}) => {
  const label = (text: string) =>
    labelPrefix ? `${labelPrefix}${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
  const field = (key: keyof AddressForm) => ({
    value: value[key],
    readOnly: disabled,
    onChange: (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value }),
    error: error(`${prefix}.${key}`),
  });
  return (
    <>
      <TextField label={label('Street address')} autoComplete="address-line1" required {...field('line1')} />
      <TextField label={label('Address line 2 (optional)')} autoComplete="address-line2" {...field('line2')} />
      <TextField label={label('City')} autoComplete="address-level2" required {...field('city')} />
      <TextField
        label={label('State, province or region (optional)')}
        autoComplete="address-level1"
        {...field('region')}
      />
      <TextField label={label('Postal code (optional)')} autoComplete="postal-code" {...field('postalCode')} />
      <TextField
        label={label('Country code')}
        hint="Two capital letters (ISO 3166-1), like US, CA or MX."
        autoComplete="country"
        maxLength={2}
        required
        {...field('country')}
      />
    </>
  );
};

const AccountEditor = ({
  initial,
  category,
  onReload,
}: {
  initial: AccountForm;
  category: string;
  onReload: () => void;
}) => {
  const me = useMe();
  const { api } = useSession();
  const editable = canEditProfile(me);
  const [form, setForm] = useState(initial);
  const [saved, setSaved] = useState<string>();
  const required = (CATEGORIES.find((c) => c.id === category)?.identifiers ?? []) as readonly (keyof Identifiers)[];
  const submit = useSubmit(async () => {
    setSaved(undefined);
    const result = await api.call('saveAccountInfo', { path: { companyId: me.company.companyId }, body: toBody(form) });
    setForm((f) => ({ ...f, version: result.version, updatedAt: result.updatedAt }));
    setSaved(`Account information saved (version ${result.version}).`);
  });
  const err = submit.fieldError;
  const conflict = submit.error?.status === 409;
  const setContact = (i: number, c: ContactForm) =>
    setForm((f) => ({ ...f, contacts: f.contacts.map((x, j) => (j === i ? c : x)) }));
  const setFacility = (i: number, x: FacilityForm) =>
    setForm((f) => ({ ...f, facilities: f.facilities.map((y, j) => (j === i ? x : y)) }));
  const identifierOrder = [...required, ...IDENTIFIER_KEYS.filter((k) => !required.includes(k))];

  return (
    <>
      {form.updatedAt ? (
        <p>
          Version {form.version}, last saved <DateText iso={form.updatedAt} withTime />.
        </p>
      ) : (
        <p>Your company has not saved its account information yet.</p>
      )}
      {!editable ? (
        <div className="alert alert--info">
          <p>You can read this information. Your primary point of contact has not allowed you to change it.</p>
        </div>
      ) : null}
      {conflict ? (
        <div className="alert alert--error" role="alert">
          <p>
            Someone else saved the account information after you opened it, so your changes were not saved. Reload to
            see the latest version, then make your changes again.
          </p>
          <button type="button" className="button" onClick={onReload}>
            Reload the latest version
          </button>
        </div>
      ) : (
        <ErrorSummary error={submit.error} fieldName={fieldName} />
      )}
      <Success message={saved} />
      <form className="form" noValidate onSubmit={submit.onSubmit}>
        <h2>Contacts</h2>
        {form.contacts.map((c, i) => (
          <fieldset className="subform" key={i}>
            <legend>Contact {i + 1}</legend>
            <TextField
              label="Name"
              autoComplete="name"
              required
              readOnly={!editable}
              value={c.name}
              onChange={(e) => setContact(i, { ...c, name: e.target.value })}
              error={err(`contacts.${i}.name`)}
            />
            <TextField
              label="Title"
              autoComplete="organization-title"
              required
              readOnly={!editable}
              value={c.title}
              onChange={(e) => setContact(i, { ...c, title: e.target.value })}
              error={err(`contacts.${i}.title`)}
            />
            <TextField
              label="Email"
              type="email"
              autoComplete="email"
              required
              readOnly={!editable}
              value={c.email}
              onChange={(e) => setContact(i, { ...c, email: e.target.value })}
              error={err(`contacts.${i}.email`)}
            />
            <TextField
              label="Phone"
              type="tel"
              autoComplete="tel"
              required
              hint="International format, like +12025550143."
              readOnly={!editable}
              value={c.phone}
              onChange={(e) => setContact(i, { ...c, phone: e.target.value })}
              error={err(`contacts.${i}.phone`)}
            />
            {editable && form.contacts.length > 1 ? (
              <button
                type="button"
                className="button button--danger"
                onClick={() => setForm((f) => ({ ...f, contacts: f.contacts.filter((_, j) => j !== i) }))}
              >
                Remove contact {i + 1}
              </button>
            ) : null}
          </fieldset>
        ))}
        {editable && form.contacts.length < 10 ? (
          <button
            type="button"
            className="button"
            onClick={() => setForm((f) => ({ ...f, contacts: [...f.contacts, emptyContact()] }))}
          >
            Add another contact
          </button>
        ) : null}

        <h2>Headquarters</h2>
        <AddressFields
          value={form.headquarters}
          onChange={(headquarters) => setForm((f) => ({ ...f, headquarters }))}
          prefix="headquarters"
          labelPrefix=""
          error={err}
          disabled={!editable}
        />

        <h2>Business identifiers</h2>
        {identifierOrder.map((key) => (
          <TextField
            key={key}
            label={`${IDENTIFIER_LABELS[key]}${required.includes(key) ? ' (required)' : ' (optional)'}`}
            required={required.includes(key)}
            readOnly={!editable}
            value={form.identifiers[key]}
            onChange={(e) => setForm((f) => ({ ...f, identifiers: { ...f.identifiers, [key]: e.target.value } }))}
            error={err(`identifiers.${key}`)}
          />
        ))}

        <h2>Facilities</h2>
        {form.facilities.length === 0 ? <p>No facilities listed.</p> : null}
        {form.facilities.map((f, i) => (
          <fieldset className="subform" key={i}>
            <legend>Facility {i + 1}</legend>
            <TextField
              label={`Facility ${i + 1} name`}
              required
              readOnly={!editable}
              value={f.name}
              onChange={(e) => setFacility(i, { ...f, name: e.target.value })}
              error={err(`facilities.${i}.name`)}
            />
            <SelectField
              label={`Facility ${i + 1} kind`}
              disabled={!editable}
              value={f.kind}
              onChange={(e) => setFacility(i, { ...f, kind: e.target.value })}
              error={err(`facilities.${i}.kind`)}
              options={FACILITY_KINDS.map((k) => ({ value: k, label: k.replace('-', ' ') }))}
            />
            <AddressFields
              value={f.address}
              onChange={(address) => setFacility(i, { ...f, address })}
              prefix={`facilities.${i}.address`}
              labelPrefix={`Facility ${i + 1} `}
              error={err}
              disabled={!editable}
            />
            {editable ? (
              <button
                type="button"
                className="button button--danger"
                onClick={() => setForm((x) => ({ ...x, facilities: x.facilities.filter((_, j) => j !== i) }))}
              >
                Remove facility {i + 1}
              </button>
            ) : null}
          </fieldset>
        ))}
        {editable && form.facilities.length < 50 ? (
          <button
            type="button"
            className="button"
            onClick={() =>
              setForm((f) => ({
                ...f,
                facilities: [...f.facilities, { name: '', kind: 'warehouse', address: emptyAddress() }],
              }))
            }
          >
            Add a facility
          </button>
        ) : null}

        {editable ? <SubmitButton busy={submit.busy}>Save account information</SubmitButton> : null}
      </form>
    </>
  );
};

/** Portal Account Information: contacts, headquarters, identifiers and facilities, versioned. */
export const Account = () => {
  const me = useMe();
  const { api } = useSession();
  const companyId = me.company.companyId;
  const state = useLoad(async () => {
    const company = await api.call('getCompany', { path: { companyId } });
    let info: Awaited<ReturnType<typeof api.call<'getAccountInfo'>>> | undefined;
    try {
      info = await api.call('getAccountInfo', { path: { companyId } });
    } catch (error) {
      // Nothing saved yet: start from the enrollment record.
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
    const identifiers = Object.fromEntries(
      IDENTIFIER_KEYS.map((k) => [k, (info?.identifiers ?? company.identifiers)[k] ?? '']),
    ) as Record<keyof Identifiers, string>;
    const form: AccountForm = info
      ? {
          version: info.version,
          updatedAt: info.updatedAt,
          contacts: info.contacts.map((c) => ({ ...c })),
          headquarters: addressForm(info.headquarters),
          facilities: info.facilities.map((f) => ({ name: f.name, kind: f.kind, address: addressForm(f.address) })),
          identifiers,
        }
      : {
          version: 0,
          contacts: [{ ...emptyContact(), name: company.pocName ?? '', email: company.pocEmail }],
          headquarters: emptyAddress(),
          facilities: [],
          identifiers,
        };
    return { form, category: company.category };
  }, [companyId]);
  return (
    <ActiveCompanyOnly title="Portal Account Information">
      <PageTitle lead="Your company's contacts, address and business identifiers as C-TPAT holds them. Every save is kept as a new version.">
        Portal Account Information
      </PageTitle>
      <Async state={state} what="Loading account information">
        {(data) => (
          <AccountEditor
            key={`${data.form.version}:${data.form.updatedAt ?? ''}`}
            initial={data.form}
            category={data.category}
            onReload={state.reload}
          />
        )}
      </Async>
    </ActiveCompanyOnly>
  );
};
