import { Fragment } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../api/session.tsx';
import { Async, DateText, StatusBadge } from '../../components/data.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { useLoad } from '../../components/use-load.ts';
import { CATEGORIES } from '../../../../functions/definitions/categories.ts';
import { questionsFor } from '../../../../functions/definitions/criteria.ts';
import { answerText, SCOPE_LABELS } from './shared.tsx';

/** What another company shares with the caller's, within its grant (the read is in that company's audit trail). */
export const Partner = () => {
  const { companyId = '' } = useParams();
  const { api } = useSession();
  const state = useLoad(['partnerView', companyId], () => api.call('partnerView', { path: { companyId } }));
  return (
    <>
      {state.data ? (
        <PageTitle lead={`Shared with your company: ${SCOPE_LABELS[state.data.scope]}, until ${state.data.expiresOn}.`}>
          {state.data.legalName}
        </PageTitle>
      ) : state.error ? (
        <PageTitle>Shared company</PageTitle>
      ) : null}
      <p>
        <Link to="/sharing">Back to sharing</Link>
      </p>
      <Async state={state} what="Loading what is shared">
        {(view) => (
          <>
            <p>Your reading of this information is recorded in {view.legalName}'s audit trail.</p>
            <dl className="record">
              <dt>C-TPAT status</dt>
              <dd>
                <StatusBadge status={view.status} />
              </dd>
              <dt>Category</dt>
              <dd>{CATEGORIES.find((c) => c.id === view.category)?.name ?? view.category}</dd>
              {view.certification ? (
                <>
                  <dt>Last certified</dt>
                  <dd>
                    <DateText iso={view.certification.lastCertifiedAt} />
                  </dd>
                  <dt>Next certification due</dt>
                  <dd>
                    <DateText iso={view.certification.nextDueAt} />
                  </dd>
                </>
              ) : null}
              {view.completeness ? (
                <>
                  <dt>Security profile</dt>
                  <dd>
                    {view.completeness.complete
                      ? 'Every required question answered'
                      : `Incomplete; sections with required questions unanswered: ${view.completeness.incompleteSections.map((id) => questionsFor(view.category).find((s) => s.id === id)?.title ?? id).join(', ')}`}
                  </dd>
                </>
              ) : null}
            </dl>
            {view.profile ? (
              <>
                <h2>
                  Security profile (version {view.profile.version}, saved <DateText iso={view.profile.savedAt} />)
                </h2>
                {questionsFor(view.category).map((section) => (
                  <section key={section.id}>
                    <h3>{section.title}</h3>
                    <dl className="record">
                      {section.questions.map((q) => (
                        <Fragment key={q.id}>
                          <dt>{q.text}</dt>
                          <dd>{answerText(view.profile?.answers[section.id]?.[q.id])}</dd>
                        </Fragment>
                      ))}
                    </dl>
                  </section>
                ))}
              </>
            ) : null}
          </>
        )}
      </Async>
    </>
  );
};
