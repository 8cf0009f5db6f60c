/**
 * The app's plain data table (Designsystemet's small Table): a caption, one header row of column
 * names and the rows given, inside a wrapper that scrolls sideways when the table is wider than its
 * column (a phone), so no table widens the page. The wrapper is a region named by the caption that
 * takes focus, so the keyboard can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 *
 * The header row is native `tr` and `th`: Designsystemet's TableRow, TableHeaderCell (without
 * `sort`) and TableCell render exactly these elements, but each through a client component of its
 * own. The overview's charts and map pass native rows too: their tables have hundreds of cells on a
 * page that renders on every request.
 */
import { Table } from '@digdir/designsystemet-react';
import { useId, type ReactNode } from 'react';
import styles from './data-table.module.css';

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
  /** A class of the page's own for the scrolling wrapper, besides its own. */
  scrollClassName?: string;
  /** The body's rows. */
  children: ReactNode;
}) {
  const captionId = useId();
  const table = (
    <Table zebra={zebra} data-size="sm" className={className}>
      <caption id={captionId}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </Table>
  );
  return (
    <div
      className={scrollClassName ? `${styles.scroll} ${scrollClassName}` : styles.scroll}
      role="region"
      tabIndex={0}
      aria-labelledby={captionId}
    >
      {table}
    </div>
  );
}
