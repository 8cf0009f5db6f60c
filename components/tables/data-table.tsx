/**
 * The app's plain data table (Designsystemet's small Table): a caption, one header row of column
 * names and the rows given, inside a wrapper that scrolls sideways when the page gives it a class.
 */
import { Table, TableBody, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

export function DataTable({
  caption,
  columns,
  zebra = false,
  className,
  scrollClassName,
  children,
}: {
  caption: ReactNode;
  /** The column names, left to right. */
  columns: readonly ReactNode[];
  zebra?: boolean;
  className?: string;
  /** The class of a div around the table that lets it scroll sideways; without one, no div. */
  scrollClassName?: string;
  /** The body's rows. */
  children: ReactNode;
}) {
  const table = (
    <Table zebra={zebra} data-size="sm" className={className}>
      <caption>{caption}</caption>
      <TableHead>
        <TableRow>
          {columns.map((column, index) => (
            <TableHeaderCell key={index} scope="col">
              {column}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>{children}</TableBody>
    </Table>
  );
  return scrollClassName ? <div className={scrollClassName}>{table}</div> : table;
}
