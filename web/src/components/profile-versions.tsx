import type { ResponseOf } from '../api/client.ts';
import { DateText } from './data.tsx';
import { type Columns, DataTable } from './data-table.tsx';

type ProfileVersion = ResponseOf<'listProfileVersions'>['items'][number];

const COLUMNS: Columns<ProfileVersion> = [
  { header: 'Version', numeric: true, cell: (v) => v.version },
  { header: 'Saved', cell: (v) => <DateText iso={v.savedAt} withTime /> },
  {
    header: 'Required answered',
    cell: (v) =>
      `${v.completeness.answered} of ${v.completeness.required}${v.completeness.complete ? ' (complete)' : ''}`,
  },
  { header: 'Answers changed', numeric: true, cell: (v) => v.changed.length },
];

/** A company's saved security-profile versions, newest first: the participant's history page and CBP's company record. */
export const ProfileVersionsTable = ({ versions }: { versions: readonly ProfileVersion[] }) => (
  <DataTable
    label="Profile versions"
    caption="Saved versions, newest first"
    columns={COLUMNS}
    rows={versions}
    rowKey={(v) => v.version}
  />
);
