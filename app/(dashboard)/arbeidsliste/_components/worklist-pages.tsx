/** The worklist's previous and next page, as links (no JavaScript needed), and where the page is. */
import { Link } from '@digdir/designsystemet-react';
import NextLink from 'next/link';
import { WORKLIST_LABELS as LABELS } from '@/lib/status/labels';
import type { WorklistModel } from '@/lib/status/rules/worklist';
import styles from '../page.module.css';

export function WorklistPages({
  model,
  pageSize,
  href,
}: {
  model: Pick<WorklistModel<unknown>, 'page' | 'pageCount' | 'matching'>;
  pageSize: number;
  href: (page: number) => { pathname: string; query: Record<string, string | string[]> };
}) {
  const { page, pageCount, matching } = model;
  if (matching === 0) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(matching, page * pageSize);
  return (
    <nav aria-label={LABELS.pages} className={styles.pages}>
      {page > 1 && (
        <Link asChild>
          <NextLink href={href(page - 1)}>{LABELS.previous}</NextLink>
        </Link>
      )}
      <span>
        {LABELS.page(page, pageCount)} ({LABELS.shown(from, to, matching)})
      </span>
      {page < pageCount && (
        <Link asChild>
          <NextLink href={href(page + 1)}>{LABELS.next}</NextLink>
        </Link>
      )}
    </nav>
  );
}
