/**
 * The app's plain data table (Designsystemet's small Table): a caption, one header row of column
 * names and the rows given, inside a wrapper that scrolls sideways when the table is wider than its
 * column (a phone), so no table widens the page. The wrapper is a region named by the caption that
 * takes focus, so the keyboard can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 *
 * The header row is native `tr` and `th`: Designsystemet's TableRow, TableHeaderCell (without
 * `sort`) and TableCell render exactly these elements, but each through a client component of its
 * own. The map passes native rows too.
 *
 * A table of text only (a chart's numbers: hundreds of cells on a page that renders on every
 * request) is given as `rows` of strings instead, and its body written as one escaped string
 * (`textRowsMarkup`): the same elements, without a React element per cell to render, send and hydrate.
 */
import { Table } from '@digdir/designsystemet-react';
import { useId, type ReactNode } from 'react';
import { escapeHtml } from '@/lib/core/html';
import styles from './data-table.module.css';

/** Rows of text: each row's first cell is its header (`th scope="row"`), the others its data. */
export type TextRows = readonly (readonly [string, ...string[]])[];

/** The body's markup for text rows, every text escaped. */
export function textRowsMarkup(rows: TextRows): string {
  return rows
    .map(
      ([header, ...cells]) =>
        `<tr><th scope="row">${escapeHtml(header)}</th>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`,
    )
    .join('');
}

export function DataTable({
  caption,
  columns,
  zebra = false,
  className,
  scrollClassName,
  ...body
}: {
  caption: ReactNode;
  /** The column names, left to right. */
  columns: readonly ReactNode[];
  zebra?: boolean;
  className?: string;
  /** A class of the page's own for the scrolling wrapper, besides its own. */
  scrollClassName?: string;
} & (
  | {
      /** The body's rows. */
      children: ReactNode;
    }
  | { rows: TextRows }
)) {
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
      {'rows' in body ? (
        <tbody dangerouslySetInnerHTML={{ __html: textRowsMarkup(body.rows) }} />
      ) : (
        <tbody>{body.children}</tbody>
      )}
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
