/** The company's certifications, and the review of the one awaiting it. */
import { useState } from 'react';
import { useSession } from '../../../api/session.tsx';
import type { ResponseOf } from '../../../api/client.ts';
import { StatementText } from '../../../components/certification-words.tsx';
import { Async, DateText, Empty } from '../../../components/data.tsx';
import { type Columns, DataTable } from '../../../components/data-table.tsx';
import { ErrorSummary, SelectField, Success, SubmitButton, TextArea, useSubmit } from '../../../components/form.tsx';
import { useLoad } from '../../../components/use-load.ts';

type Certification = ResponseOf<'listCertifications'>['items'][number];

const COLUMNS: Columns<Certification> = [
  { header: 'Certified', cell: (c) => <DateText iso={c.certifiedAt} /> },
  { header: 'Profile version', numeric: true, cell: (c) => c.profileVersion },
  { header: "POC's statement", cell: (c) => <StatementText certification={c} /> },
  { header: 'Next due', cell: (c) => <DateText iso={c.nextDueAt} /> },
  {
    header: 'Review',
    cell: (c) => (
      <>
        {c.status}
        {c.reviewedAt ? (
          <>
            , <DateText iso={c.reviewedAt} />
          </>
        ) : null}
        {c.comments ? `: ${c.comments}` : ''}
      </>
    ),
  },
];

const ReviewForm = ({
  companyId,
  certification,
  onReviewed,
}: {
  companyId: string;
  certification: Certification;
  onReviewed: () => void;
}) => {
  const { api } = useSession();
  const [decision, setDecision] = useState<'approve' | 'return'>('approve');
  const [comments, setComments] = useState('');
  const submit = useSubmit(async () => {
    await api.call('reviewCertification', {
      path: { companyId, certificationId: certification.certificationId },
      body: { decision, ...(comments.trim() ? { comments } : {}) },
    });
    onReviewed();
  });
  return (
    <form onSubmit={submit.onSubmit} noValidate className="form">
      <h3>
        Review the certification of <DateText iso={certification.certifiedAt} />
      </h3>
      <p>
        Profile version {certification.profileVersion}. The primary point of contact stated:{' '}
        <StatementText certification={certification} />.
      </p>
      <ErrorSummary error={submit.error} />
      <SelectField
        label="Review decision"
        value={decision}
        onChange={(e) => setDecision(e.target.value as typeof decision)}
        options={[
          { value: 'approve', label: 'Approve' },
          { value: 'return', label: 'Send back with comments' },
        ]}
      />
      <TextArea
        label="Review comments"
        hint="Required when sending it back."
        value={comments}
        onChange={(e) => setComments(e.target.value)}
        error={submit.fieldError('comments')}
      />
      <SubmitButton busy={submit.busy}>Record review</SubmitButton>
    </form>
  );
};

export const CertificationsSection = ({ companyId }: { companyId: string }) => {
  const { api } = useSession();
  const list = useLoad(['listCertifications', companyId], () =>
    api.call('listCertifications', { path: { companyId } }),
  );
  const [done, setDone] = useState<string | undefined>();
  return (
    <Async state={list} what="Loading certifications">
      {({ items }) => (
        <>
          <Success message={done} />
          {items.length === 0 ? (
            <Empty>The primary point of contact has not certified the profile yet.</Empty>
          ) : (
            <DataTable
              label="Certifications"
              caption="Certifications, newest first"
              columns={COLUMNS}
              rows={items}
              rowKey={(c) => c.certificationId}
            />
          )}
          {items
            .filter((c) => c.status === 'submitted')
            .slice(0, 1)
            .map((c) => (
              <ReviewForm
                key={c.certificationId}
                companyId={companyId}
                certification={c}
                onReviewed={() => {
                  setDone('The review is recorded.');
                  list.reload();
                }}
              />
            ))}
        </>
      )}
    </Async>
  );
};
