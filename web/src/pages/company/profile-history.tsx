import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../api/session.tsx';
import type { ResponseOf } from '../../api/client.ts';
import { Async, Empty, MorePages } from '../../components/data.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorSummary, SelectField, SubmitButton, useSubmit } from '../../components/form.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { ProfileVersionsTable } from '../../components/profile-versions.tsx';
import { ActiveCompanyOnly, answerText, useMe, usePaged } from './shared.tsx';
import { programDate } from '../../../../functions/definitions/program-time.ts';

type Version = ResponseOf<'listProfileVersions'>['items'][number];
type Diff = ResponseOf<'diffSecurityProfile'>;

const Compare = ({ versions }: { versions: readonly Version[] }) => {
  const me = useMe();
  const { api } = useSession();
  const [from, setFrom] = useState(String(versions[1]?.version ?? versions[0]?.version ?? ''));
  const [to, setTo] = useState(String(versions[0]?.version ?? ''));
  const [diff, setDiff] = useState<Diff>();
  const submit = useSubmit(async () =>
    setDiff(await api.call('diffSecurityProfile', { path: { companyId: me.company.companyId }, query: { from, to } })),
  );
  const options = versions.map((v) => ({
    value: String(v.version),
    label: `Version ${v.version} (${programDate(v.savedAt)})`,
  }));
  const changes = diff?.sections.flatMap((s) => s.changes.map((c) => ({ ...c, section: s.title }))) ?? [];
  return (
    <section>
      <h2 id="compare-heading">Compare two versions</h2>
      <ErrorSummary error={submit.error} />
      <form className="filters" noValidate onSubmit={submit.onSubmit}>
        <SelectField
          label="Old version"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          options={options}
          error={submit.fieldError('from')}
        />
        <SelectField
          label="New version"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          options={options}
          error={submit.fieldError('to')}
        />
        <SubmitButton busy={submit.busy}>Compare versions</SubmitButton>
      </form>
      {diff ? (
        changes.length === 0 ? (
          <p role="status">
            No answers differ between version {diff.from} and version {diff.to}.
          </p>
        ) : (
          <DataTable
            label={`Differences between version ${diff.from} and version ${diff.to}`}
            caption={`Differences between version ${diff.from} and version ${diff.to} (${changes.length} ${changes.length === 1 ? 'answer' : 'answers'})`}
            className="diff-table"
            columns={[
              {
                header: 'Question',
                rowHeader: true,
                cell: (c) => (
                  <>
                    <span className="usa-hint">{c.section}</span>
                    <br />
                    {c.text}
                  </>
                ),
              },
              { header: `Version ${diff.from} (old)`, className: 'diff-removed', cell: (c) => answerText(c.from) },
              { header: `Version ${diff.to} (new)`, className: 'diff-added', cell: (c) => answerText(c.to) },
            ]}
            rows={changes}
            rowKey={(c) => `${c.section}:${c.question}`}
          />
        )
      ) : null}
    </section>
  );
};

/** Every saved version of the profile, and what changed between any two of them. */
export const ProfileHistory = () => {
  const me = useMe();
  const { api } = useSession();
  const companyId = me.company.companyId;
  const list = usePaged(['listProfileVersions', companyId], (cursor) =>
    api.call('listProfileVersions', { path: { companyId }, query: { cursor, limit: 25 } }),
  );
  return (
    <ActiveCompanyOnly title="Security Profile History">
      <PageTitle lead="Every save of the security profile is kept. Compare any two versions side by side.">
        Security Profile History
      </PageTitle>
      <p>
        <Link to="/profile">Back to the security profile</Link>
      </p>
      <Async state={list.page} what="Loading versions">
        {() => {
          const versions = list.items;
          if (versions.length === 0) return <Empty>The profile has not been saved yet.</Empty>;
          return (
            <>
              <Compare versions={versions} />
              <h2>Versions</h2>
              <ProfileVersionsTable versions={versions} />
              <MorePages list={list} />
            </>
          );
        }}
      </Async>
    </ActiveCompanyOnly>
  );
};
