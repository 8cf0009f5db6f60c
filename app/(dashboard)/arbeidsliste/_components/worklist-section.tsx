/**
 * One regime's part of the worklist page: its counts per flag, then its municipalities on this page,
 * in groups (by most urgent flag or by county) when asked, each group headed by its flag or county
 * and its size in all pages.
 */
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { Fragment, type ReactNode } from 'react';
import { FlagMark } from '@/components/status/flag-icon';
import { PageSection } from '@/components/status/page-section';
import { formatNumber } from '@/lib/core/format';
import { WORKLIST_LABELS as LABELS } from '@/lib/status/labels';
import type { WorklistGrouping, WorklistRow, WorklistSection } from '@/lib/status/rules/worklist';
import { FlagCounts } from './flag-counts';
import styles from '../page.module.css';

function Cards<Row extends WorklistRow>({
  rows,
  level,
  card,
}: {
  rows: readonly Row[];
  level: 3 | 4;
  card: (row: Row, level: 3 | 4) => ReactNode;
}) {
  return (
    <ol className={styles.list}>
      {rows.map((row) => (
        <Fragment key={row.number}>{card(row, level)}</Fragment>
      ))}
    </ol>
  );
}

export function WorklistSectionView<Row extends WorklistRow>({
  id,
  title,
  intro,
  section,
  grouping,
  flagLabels,
  flagHref,
  chosenFlag,
  filtered,
  card,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  section: WorklistSection<Row>;
  grouping: WorklistGrouping | undefined;
  flagLabels: Record<string, string>;
  flagHref: (code: string) => { pathname: string; query: Record<string, string | string[]> };
  chosenFlag: string | undefined;
  /** Whether a search or filter is in effect (else an empty section says nothing more than its intro). */
  filtered: boolean;
  card: (row: Row, level: 3 | 4) => ReactNode;
}) {
  const groupTitle = (key: string, rows: readonly Row[]) =>
    grouping === 'flagg' ? <FlagMark code={key} label={flagLabels[key] ?? key} /> : rows[0]?.countyName;
  return (
    <PageSection id={id} title={title}>
      {intro}
      {section.flagged > 0 && (
        <FlagCounts
          counts={section.counts}
          flagged={section.flagged}
          labels={flagLabels}
          href={flagHref}
          chosen={chosenFlag}
        />
      )}
      {section.matching === 0 ? (
        filtered && <Paragraph>{LABELS.noMatch}</Paragraph>
      ) : section.groups.length === 0 ? (
        <Paragraph>{LABELS.onOtherPages}</Paragraph>
      ) : !grouping ? (
        <Cards rows={section.groups.flatMap((group) => group.rows)} level={3} card={card} />
      ) : (
        section.groups.map((group) => (
          <section key={group.key} aria-labelledby={`${id}-${group.key}`} className={styles.group}>
            <Heading level={3} data-size="xs" id={`${id}-${group.key}`}>
              {groupTitle(group.key, group.rows)} ({formatNumber(group.size)})
              {group.continued ? ` ${LABELS.continued}` : ''}
            </Heading>
            <Cards rows={group.rows} level={4} card={card} />
          </section>
        ))
      )}
    </PageSection>
  );
}
