import { useSession } from '../../../api/session.tsx';
import { ApiError } from '../../../api/client.ts';
import { Async } from '../../../components/data.tsx';
import { PageTitle } from '../../../components/layout.tsx';
import { useLoad } from '../../../components/use-load.ts';
import type { Identifiers } from '../../../../../functions/schemas/company.ts';
import { ActiveCompanyOnly, IDENTIFIER_KEYS, useMe } from '../shared.tsx';
import { AccountEditor } from './editor.tsx';
import { type AccountForm, addressForm, emptyAddress, emptyContact } from './model.ts';

/** Portal Account Information: contacts, headquarters, identifiers and facilities, versioned. */
export const Account = () => {
  const me = useMe();
  const { api } = useSession();
  const companyId = me.company.companyId;
  const state = useLoad(['getCompany+getAccountInfo', companyId], async () => {
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
  });
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
