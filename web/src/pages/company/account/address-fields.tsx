import { TextField } from '../../../components/form.tsx';
import type { AddressForm } from './model.ts';

/** An address's fields; `prefix` is its path in the API's field errors, `labelPrefix` starts each label. */
export const AddressFields = ({
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
