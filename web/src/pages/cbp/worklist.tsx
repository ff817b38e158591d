/**
 * A Supply Chain Security Specialist's worklist (decision 93): their companies, overdue first,
 * each with its program status, the next date it must meet and what it needs now.
 */
import { Link } from 'react-router';
import { useSession } from '../../api/session.tsx';
import type { ResponseOf } from '../../api/client.ts';
import { Async, DateText, Empty, StatusBadge } from '../../components/data.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { type Columns, DataTable } from '../../components/data-table.tsx';
import { useLoad } from '../../components/use-load.ts';
import { categoryName } from './shared.tsx';

type Item = ResponseOf<'getWorklist'>['items'][number];

const DUE_WORDS = { enrollment: 'Portal update', recertification: 'Annual recertification' } as const;

/** What each need asks of the specialist, in the program's words. */
const NEED_WORDS: Record<Item['needs'][number], (item: Item) => string> = {
  overdue: (item) => `Overdue: ${item.dueKind ? DUE_WORDS[item.dueKind].toLowerCase() : 'a date'} was due`,
  'overdue-action': () => 'Overdue: a required action was not answered in time',
  'review-answers': () => 'Review the answers to required actions',
  'confirm-date': () => 'Answer the date the company proposed for its validation',
  'review-profile': () => 'Review the Security Profile and certify',
  'schedule-validation': () => 'Schedule a validation',
  'follow-suspension': () => 'Follow up the action plan',
};

const COLUMNS: Columns<Item> = [
  {
    header: 'Legal name',
    rowHeader: true,
    cell: (i) => <Link to={`/cbp/companies/${i.companyId}`}>{i.legalName}</Link>,
  },
  { header: 'Category', cell: (i) => categoryName(i.category) },
  { header: 'Status', cell: (i) => <StatusBadge status={i.programStatus} /> },
  {
    header: 'Next due',
    className: 'nowrap',
    cell: (i) =>
      i.dueOn ? (
        <>
          <DateText iso={i.dueOn} /> {i.dueKind ? `(${DUE_WORDS[i.dueKind]})` : ''}
        </>
      ) : (
        'Nothing due'
      ),
  },
  {
    header: 'What it needs',
    cell: (i) =>
      i.needs.length === 0 ? (
        'Nothing now'
      ) : (
        <ul className="usa-list usa-list--unstyled">
          {i.needs.map((need) => (
            <li key={need}>
              {need.startsWith('overdue') ? <strong>{NEED_WORDS[need](i)}</strong> : NEED_WORDS[need](i)}
            </li>
          ))}
        </ul>
      ),
  },
];

export const Worklist = () => {
  const { api } = useSession();
  const list = useLoad(['getWorklist'], () => api.call('getWorklist', { query: {} }));
  return (
    <>
      <PageTitle lead="The companies you are the Supply Chain Security Specialist of, overdue first, with what each needs now.">
        My worklist
      </PageTitle>
      <Async state={list} what="Loading your worklist">
        {(worklist) =>
          worklist.items.length === 0 ? (
            <Empty>No company has you as its specialist yet. A CBP administrator assigns them.</Empty>
          ) : (
            <DataTable
              label="Worklist"
              caption={`${worklist.items.length} companies`}
              className="cbp-wide"
              columns={COLUMNS}
              rows={worklist.items}
              rowKey={(i) => i.companyId}
            />
          )
        }
      </Async>
    </>
  );
};
