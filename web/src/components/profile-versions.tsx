import type { ResponseOf } from '../api/client.ts';
import { DateText, TableWrap } from './data.tsx';

type ProfileVersion = ResponseOf<'listProfileVersions'>['items'][number];

/** A company's saved security-profile versions, newest first: the participant's history page and CBP's company record. */
export const ProfileVersionsTable = ({ versions }: { versions: readonly ProfileVersion[] }) => (
  <TableWrap label="Profile versions">
    <table>
      <caption>Saved versions, newest first</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            Version
          </th>
          <th scope="col">Saved</th>
          <th scope="col">Required answered</th>
          <th scope="col" className="num">
            Answers changed
          </th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.version}>
            <td className="num">{v.version}</td>
            <td>
              <DateText iso={v.savedAt} withTime />
            </td>
            <td>
              {v.completeness.answered} of {v.completeness.required}
              {v.completeness.complete ? ' (complete)' : ''}
            </td>
            <td className="num">{v.changed.length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </TableWrap>
);
