/** The current security profile (reading it is audited), what it lacks, and its saved versions. */
import { Fragment } from 'react';
import { useSession } from '../../../api/session.tsx';
import { Async, DateText, Empty, MorePages } from '../../../components/data.tsx';
import { ProfileVersionsTable } from '../../../components/profile-versions.tsx';
import { useLoad } from '../../../components/use-load.ts';
import { SECTIONS } from '../../../../../functions/definitions/criteria.ts';
import { usePaged } from '../shared.tsx';

const sectionTitle = (id: string) => SECTIONS.find((s) => s.id === id)?.title ?? id;
const questionText = (section: string, id: string) =>
  SECTIONS.find((s) => s.id === section)?.questions.find((q) => q.id === id)?.text ?? id;

export const ProfileSection = ({ companyId }: { companyId: string }) => {
  const { api } = useSession();
  const profile = useLoad(['getSecurityProfile', companyId], () =>
    api.call('getSecurityProfile', { path: { companyId } }),
  );
  const versions = usePaged(['listProfileVersions', companyId], (cursor) =>
    api.call('listProfileVersions', { path: { companyId }, query: { cursor } }),
  );
  return (
    <>
      <Async state={profile} what="Loading the profile">
        {(p) => (
          <>
            <p>
              {p.version === 0 ? (
                'Nothing saved yet.'
              ) : (
                <>
                  Version {p.version}, saved <DateText iso={p.savedAt} withTime />.
                </>
              )}{' '}
              {p.completeness.complete ? 'Complete: ' : 'Incomplete: '}
              {p.completeness.answered} of {p.completeness.required} required answers.
            </p>
            <progress
              className="progress"
              max={p.completeness.required || 1}
              value={p.completeness.answered}
              aria-label="Required answers given"
            >
              {p.completeness.answered} of {p.completeness.required}
            </progress>
            {p.completeness.missing.length ? (
              <details>
                <summary>{p.completeness.missing.length} required answers missing</summary>
                <ul>
                  {p.completeness.missing.map((m) => (
                    <li key={`${m.section}.${m.question}`}>
                      {sectionTitle(m.section)}: {m.text}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {p.version > 0 ? (
              <details>
                <summary>Answers of version {p.version}</summary>
                {Object.entries(p.answers).map(([section, answers]) => (
                  <div key={section}>
                    <h3>{sectionTitle(section)}</h3>
                    <dl className="record">
                      {Object.entries(answers).map(([q, value]) => (
                        <Fragment key={q}>
                          <dt>{questionText(section, q)}</dt>
                          <dd>{value === true ? 'Yes' : value === false ? 'No' : value}</dd>
                        </Fragment>
                      ))}
                    </dl>
                  </div>
                ))}
              </details>
            ) : null}
          </>
        )}
      </Async>
      <h3>Versions</h3>
      <Async state={versions.state} what="Loading versions">
        {(items) => (items.length ? <ProfileVersionsTable versions={items} /> : <Empty>No saved versions.</Empty>)}
      </Async>
      <MorePages list={versions} />
    </>
  );
};
