/**
 * The account form's model: the form's fields as strings, the body the API takes from them
 * (blank optional fields left out), and the API's field paths in the form's words.
 */
import type { SaveAccountInfo } from '../../../../../functions/schemas/account-info.ts';
import type { Identifiers } from '../../../../../functions/schemas/company.ts';
import { IDENTIFIER_KEYS, IDENTIFIER_LABELS } from '../shared.tsx';

export interface AddressForm {
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}
export interface ContactForm {
  name: string;
  title: string;
  email: string;
  phone: string;
}
export interface FacilityForm {
  name: string;
  kind: string;
  address: AddressForm;
}
export interface AccountForm {
  version: number;
  contacts: ContactForm[];
  headquarters: AddressForm;
  facilities: FacilityForm[];
  identifiers: Record<keyof Identifiers, string>;
  updatedAt?: string;
}

export const emptyAddress = (): AddressForm => ({
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  country: 'US',
});
export const emptyContact = (): ContactForm => ({ name: '', title: '', email: '', phone: '' });
export const addressForm = (a: Partial<AddressForm> | undefined): AddressForm => ({
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

export const toBody = (form: AccountForm): SaveAccountInfo => ({
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
export const fieldName = (field: string): string | undefined => {
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
