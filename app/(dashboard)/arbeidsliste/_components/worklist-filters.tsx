/**
 * The worklist's search and filters: a plain GET form (works without JavaScript) that keeps the
 * season and date; the flag filter lists the daily and the annual flags in groups of their own.
 */
import { Button, Link } from '@digdir/designsystemet-react';
import NextLink from 'next/link';
import { TextField } from '@/components/ui/text-field';
import { WORKLIST_LABELS as LABELS } from '@/lib/status/labels';
import { linkQuery } from '@/lib/status/rules/query';
import type { WorklistParams } from '@/lib/status/rules/worklist';
import { FilterSelect } from '../../_components/table-filters';
import overviewStyles from '../../_components/status-overview.module.css';
import styles from '../page.module.css';

export interface FlagOptionGroup {
  label: string;
  options: readonly (readonly [code: string, label: string])[];
}

export function WorklistFilters({
  params,
  keep,
  counties,
  flagGroups,
}: {
  params: WorklistParams;
  /** The page's query parameters that are not the worklist's (season, asOf). */
  keep: Record<string, string | undefined>;
  counties: readonly (readonly [number: string, name: string])[];
  flagGroups: readonly FlagOptionGroup[];
}) {
  return (
    <form method="get" action="/arbeidsliste" role="search" aria-label={LABELS.filters}>
      {Object.entries(keep).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      <div className={overviewStyles.filters}>
        <TextField id="sok" name="q" label={LABELS.search} defaultValue={params.q ?? ''} data-size="sm" />
        <FilterSelect
          id="filter-fylke"
          name="fylke"
          label={LABELS.county}
          value={params.fylke}
          options={[['', LABELS.allCounties], ...counties]}
        />
        <FilterSelect
          id="filter-flagg"
          name="flagg"
          label={LABELS.flag}
          value={params.flagg}
          options={[['', LABELS.allFlags]]}
          groups={flagGroups}
        />
        <FilterSelect
          id="filter-gruppe"
          name="gruppe"
          label={LABELS.grouping}
          value={params.gruppe}
          options={Object.entries(LABELS.groupings)}
        />
      </div>
      <div className={styles.actions}>
        <Button type="submit" data-size="sm">
          {LABELS.submit}
        </Button>
        {(params.q || params.fylke || params.flagg || params.gruppe) && (
          <Link asChild>
            <NextLink href={{ pathname: '/arbeidsliste', query: linkQuery(keep) }}>{LABELS.reset}</NextLink>
          </Link>
        )}
      </div>
    </form>
  );
}
