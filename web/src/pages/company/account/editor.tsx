import { useState } from 'react';
import { useSession } from '../../../api/session.tsx';
import { DateText } from '../../../components/data.tsx';
import { ErrorSummary, SelectField, SubmitButton, TextField, useSubmit } from '../../../components/form.tsx';
import { SaveBar, SectionNav, useUnsavedChangesWarning } from '../../../components/long-editor.tsx';
import { CATEGORIES } from '../../../../../functions/definitions/categories.ts';
import { FACILITY_KINDS } from '../../../../../functions/definitions/facilities.ts';
import type { Identifiers } from '../../../../../functions/schemas/company.ts';
import { canEditProfile, IDENTIFIER_KEYS, IDENTIFIER_LABELS, useMe } from '../shared.tsx';
import { AddressFields } from './address-fields.tsx';
import {
  type AccountForm,
  type ContactForm,
  emptyAddress,
  emptyContact,
  type FacilityForm,
  fieldName,
  toBody,
} from './model.ts';
import { Alert } from '../../../components/alert.tsx';

/** The account information as a form: read-only for users the primary POC did not allow to edit. */
export const AccountEditor = ({
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
  // What the server holds, to tell unsaved changes from saved ones.
  const [stored, setStored] = useState(initial);
  const content = (f: AccountForm) => JSON.stringify({ ...toBody(f), version: 0 });
  const dirty = editable && content(form) !== content(stored);
  useUnsavedChangesWarning(dirty);
  const [saved, setSaved] = useState<string>();
  const required = (CATEGORIES.find((c) => c.id === category)?.identifiers ?? []) as readonly (keyof Identifiers)[];
  const submit = useSubmit(async () => {
    setSaved(undefined);
    const result = await api.call('saveAccountInfo', { path: { companyId: me.company.companyId }, body: toBody(form) });
    setForm((f) => ({ ...f, version: result.version, updatedAt: result.updatedAt }));
    setStored(form);
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
        <Alert type="info">
          <p>You can read this information. Your primary point of contact has not allowed you to change it.</p>
        </Alert>
      ) : null}
      {conflict ? (
        <Alert type="error" role="alert">
          <p>
            Someone else saved the account information after you opened it, so your changes were not saved. Reload to
            see the latest version, then make your changes again.
          </p>
          <button type="button" className="usa-button usa-button--outline" onClick={onReload}>
            Reload the latest version
          </button>
        </Alert>
      ) : (
        <ErrorSummary error={submit.error} fieldName={fieldName} />
      )}
      <SectionNav
        label="Account information sections"
        sections={[
          { id: 'account-contacts', title: 'Contacts' },
          { id: 'account-headquarters', title: 'Headquarters' },
          { id: 'account-identifiers', title: 'Business identifiers' },
          { id: 'account-facilities', title: 'Facilities' },
        ]}
      />
      <form className="form" noValidate onSubmit={submit.onSubmit}>
        <h2 id="account-contacts">Contacts</h2>
        {form.contacts.map((c, i) => (
          <fieldset className="usa-fieldset subform" key={i}>
            <legend className="usa-legend">Contact {i + 1}</legend>
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
                className="usa-button usa-button--secondary"
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
            className="usa-button usa-button--outline"
            onClick={() => setForm((f) => ({ ...f, contacts: [...f.contacts, emptyContact()] }))}
          >
            Add another contact
          </button>
        ) : null}

        <h2 id="account-headquarters">Headquarters</h2>
        <AddressFields
          value={form.headquarters}
          onChange={(headquarters) => setForm((f) => ({ ...f, headquarters }))}
          prefix="headquarters"
          labelPrefix=""
          error={err}
          disabled={!editable}
        />

        <h2 id="account-identifiers">Business identifiers</h2>
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

        <h2 id="account-facilities">Facilities</h2>
        {form.facilities.length === 0 ? <p>No facilities listed.</p> : null}
        {form.facilities.map((f, i) => (
          <fieldset className="usa-fieldset subform" key={i}>
            <legend className="usa-legend">Facility {i + 1}</legend>
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
                className="usa-button usa-button--secondary"
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
            className="usa-button usa-button--outline"
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

        {editable ? (
          <SaveBar saved={saved} dirty={dirty}>
            <SubmitButton busy={submit.busy}>Save account information</SubmitButton>
          </SaveBar>
        ) : null}
      </form>
    </>
  );
};
