/**
 * The portal's one data table: columns as data, the markup (caption, column headings with
 * `scope="col"`, row headings with `scope="row"`, an optional totals row) written once here.
 */
import type { ReactNode } from 'react';

/** One column: its heading and how a row fills its cell. */
export interface Column<T> {
  /** The column's heading; also its key, so unique within a table. */
  readonly header: string;
  readonly cell: (row: T) => ReactNode;
  /** The cell names its row (`<th scope="row">`), as the first column of a table read across does. */
  readonly rowHeader?: boolean;
  /** Figures: aligned right with tabular digits, heading and cells. */
  readonly numeric?: boolean;
  /** A further class for the column's cells (`nowrap`, `diff-added`). */
  readonly className?: string;
  /** The column's cell in a totals row; the table has a `<tfoot>` when any column has one. */
  readonly footer?: ReactNode;
}

/** A table's columns; `false` (or nothing) leaves a column out, for columns shown only to some. */
export type Columns<T> = readonly (Column<T> | false | null | undefined)[];

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ') || undefined;

/**
 * A wide table's box: scrolls sideways on a phone instead of widening the page, and is a
 * labelled, focusable region so keyboard users can scroll it too (axe scrollable-region-focusable).
 */
const TableWrap = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
    {children}
  </div>
);

const Cell = ({
  column,
  children,
}: {
  column: Pick<Column<unknown>, 'rowHeader' | 'numeric' | 'className'>;
  children: ReactNode;
}) => {
  const className = classes(column.numeric && 'num', column.className);
  return column.rowHeader ? (
    <th scope="row" className={className}>
      {children}
    </th>
  ) : (
    <td className={className}>{children}</td>
  );
};

export interface DataTableProps<T> {
  /** The name of the table's scrolling region, as assistive technology announces it. */
  readonly label: string;
  readonly caption: ReactNode;
  readonly columns: Columns<T>;
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string | number;
  /** A class for the table itself (`cbp-wide` keeps a wide table from squeezing its columns). */
  readonly className?: string;
}

export const DataTable = <T,>({ label, caption, columns, rows, rowKey, className }: DataTableProps<T>) => {
  const shown = columns.filter((c): c is Column<T> => Boolean(c));
  return (
    <TableWrap label={label}>
      <table className={`usa-table usa-table--borderless${className ? ` ${className}` : ''}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {shown.map((c) => (
              <th scope="col" className={c.numeric ? 'num' : undefined} key={c.header}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {shown.map((c) => (
                <Cell column={c} key={c.header}>
                  {c.cell(row)}
                </Cell>
              ))}
            </tr>
          ))}
        </tbody>
        {shown.some((c) => c.footer !== undefined) ? (
          <tfoot>
            <tr>
              {shown.map((c) => (
                <Cell column={c} key={c.header}>
                  {c.footer}
                </Cell>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </TableWrap>
  );
};
