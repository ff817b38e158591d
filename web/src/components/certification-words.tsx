/**
 * The certification rules in the pages' words, from the same rules the API enforces
 * (functions/domain/certification-rules.ts), so a page never promises what the API refuses.
 */
import type { ResponseOf } from '../api/client.ts';
import { windowNotOpenMessage, type CertificationWindow } from '../../../functions/domain/certification-rules.ts';
import { DateText } from './data.tsx';

/** When the company can certify, in one sentence. */
export const windowWords = (window: CertificationWindow): string => {
  switch (window.kind) {
    case 'first':
      return 'Your company has not certified yet: you can certify now, once your profile is complete.';
    case 'returned':
      return 'CBP sent your last certification back: you can certify again now.';
    case 'open':
      return `The review window is open: certify by ${window.dueOn}.`;
    case 'not-yet':
      return windowNotOpenMessage(window);
  }
};

type Certification = ResponseOf<'listCertifications'>['items'][number];

/** What the primary POC stated when certifying. */
export const StatementText = ({ certification: c }: { certification: Certification }) =>
  c.statement === 'reviewed-unchanged' ? (
    <>
      Reviewed, unchanged since the certification of <DateText iso={c.reconfirms?.certifiedAt} /> (version{' '}
      {c.reconfirms?.profileVersion ?? c.profileVersion}), and still accurate
    </>
  ) : (
    <>Current and accurate</>
  );
