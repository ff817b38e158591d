/** The account information the company entered: headquarters, identifiers, contacts, facilities. */
import { Fragment } from 'react';
import { useSession } from '../../../api/session.tsx';
import { DateText, Empty, Loading } from '../../../components/data.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { IDENTIFIER_FIELDS } from '../enroll.tsx';
import { NotYet } from './section.tsx';

export const AccountInfoSection = ({ companyId }: { companyId: string }) => {
  const { api } = useSession();
  const info = useLoad(['getAccountInfo', companyId], () => api.call('getAccountInfo', { path: { companyId } }));
  if (info.error)
    return (
      <NotYet error={info.error} retry={info.reload} text="The company has not entered its account information yet." />
    );
  if (!info.data) return <Loading what="Loading account information" />;
  const a = info.data;
  const address = (x: typeof a.headquarters) =>
    [x.line1, x.line2, x.city, x.region, x.postalCode, x.country].filter(Boolean).join(', ');
  return (
    <>
      <p>
        Version {a.version}, saved <DateText iso={a.updatedAt} withTime />.
      </p>
      <dl className="record">
        <dt>Headquarters</dt>
        <dd>{address(a.headquarters)}</dd>
        {Object.entries(a.identifiers).map(([key, value]) => (
          <Fragment key={key}>
            <dt>{IDENTIFIER_FIELDS[key as keyof typeof IDENTIFIER_FIELDS]?.label ?? key}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <h3>Contacts</h3>
      <ul>
        {a.contacts.map((c) => (
          <li key={c.email}>
            {c.name}, {c.title}: {c.email}, {c.phone}
          </li>
        ))}
      </ul>
      <h3>Facilities</h3>
      {a.facilities.length ? (
        <ul>
          {a.facilities.map((f) => (
            <li key={`${f.name}:${address(f.address)}`}>
              {f.name} ({f.kind}): {address(f.address)}
            </li>
          ))}
        </ul>
      ) : (
        <Empty>No facilities listed.</Empty>
      )}
    </>
  );
};
