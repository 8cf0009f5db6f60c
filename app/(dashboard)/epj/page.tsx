import { Button, Heading, Link, Paragraph, TableCell, TableRow, Textfield } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import NextLink from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AsOfForm } from '@/components/filters/as-of-form';
import { SeasonSwitch } from '@/components/filters/season-switch';
import { PageSection } from '@/components/status/page-section';
import { DataTable } from '@/components/tables/data-table';
import { requireViewer } from '@/lib/access/request';
import { isFhi } from '@/lib/access/rules/actor';
import { formatDate, formatIsoDate, formatNumber, formatPercent } from '@/lib/core/format';
import { getEpjPatterns, type EpjPatternsView } from '@/lib/epj';
import { EPJ_TEXTS, failureText, groupText, patternSentence } from '@/lib/epj/labels';
import { FAILURE_KINDS, type EpjGroupSummary, type EpjPattern } from '@/lib/epj/rules/epj-patterns';
import { FAILURE_KIND_LABELS } from '@/lib/epj/labels';
import { asOfDateSchema, linkQuery, seasonKeySchema, toStatusQuery } from '@/lib/status/rules/query';
import styles from './page.module.css';

export const metadata: Metadata = { title: EPJ_TEXTS.title };

const PATH = '/epj';

/** `?season=&from=&to=&asOf=`: a bad value is ignored (the page says which period it shows). */
const pageQuerySchema = z.object({
  season: seasonKeySchema.optional().catch(undefined),
  from: asOfDateSchema.optional().catch(undefined),
  to: asOfDateSchema.optional().catch(undefined),
  asOf: asOfDateSchema.optional().catch(undefined),
});

/** The period chooser: a plain GET form, so it works without JavaScript; the season and date are kept. */
function PeriodForm({ view, asOf }: { view: EpjPatternsView; asOf: string | undefined }) {
  return (
    <form method="get" action={PATH} className={styles.period} aria-label="Periode">
      <input type="hidden" name="season" value={view.season.key} />
      {asOf && <input type="hidden" name="asOf" value={asOf} />}
      <Textfield name="from" type="date" label="Fra og med" defaultValue={view.period.from} data-size="sm" />
      <Textfield name="to" type="date" label="Til og med" defaultValue={view.period.to} data-size="sm" />
      <Button type="submit" variant="secondary" data-size="sm">
        Vis periode
      </Button>
    </form>
  );
}

function municipalityHref(view: EpjPatternsView, number: string, asOf: string | undefined) {
  const daily = view.season.kind === 'DAILY';
  return {
    pathname: daily ? `/kommuner/${number}/daglig` : `/kommuner/${number}`,
    query: linkQuery({ season: view.season.key, asOf }),
  };
}

/** One group that stands out: the sentence, when it started, and its municipalities, each linked. */
function Pattern({ pattern, view, asOf }: { pattern: EpjPattern; view: EpjPatternsView; asOf: string | undefined }) {
  return (
    <li className={styles.item}>
      <Heading level={3} data-size="xs">
        {groupText(pattern.group)}: {failureText(pattern.failure, view.apprecErrorNames)}
      </Heading>
      <Paragraph>{patternSentence(pattern, view.apprecErrorNames)}</Paragraph>
      <Paragraph data-size="sm">
        {EPJ_TEXTS.started} {formatDate(pattern.startedAt)}. {EPJ_TEXTS.municipalities} (første gang):
      </Paragraph>
      <ul className={styles.municipalities}>
        {pattern.affected.map((row) => (
          <li key={row.number}>
            <Link asChild>
              <NextLink href={municipalityHref(view, row.number, asOf)}>
                {view.names[row.number] ?? row.number} ({row.number})
              </NextLink>
            </Link>{' '}
            {formatDate(row.firstAt)}
          </li>
        ))}
      </ul>
    </li>
  );
}

const share = (count: number, of: number) =>
  count === 0 ? '–' : `${formatNumber(count)} (${formatPercent(of === 0 ? 0 : count / of, 0)})`;

function GroupRow({ row, view }: { row: EpjGroupSummary; view: EpjPatternsView }) {
  const codes = row.failures.REJECTION.byCode
    .map((entry) => `${entry.code} (${formatNumber(entry.municipalities)})`)
    .join(', ');
  const names = row.failures.REJECTION.byCode.map((entry) => view.apprecErrorNames[entry.code]).filter(Boolean);
  return (
    <TableRow>
      <TableCell className={row.group.level === 'SYSTEM' ? styles.system : styles.version}>
        {groupText(row.group)}
      </TableCell>
      <TableCell>{formatNumber(row.municipalities)}</TableCell>
      <TableCell>{formatNumber(row.deliveries)}</TableCell>
      <TableCell>{formatNumber(row.accepted)}</TableCell>
      {FAILURE_KINDS.map((kind) => (
        <TableCell key={kind}>{share(row.failures[kind].municipalities, row.municipalities)}</TableCell>
      ))}
      <TableCell title={names.join('; ') || undefined}>{codes || '–'}</TableCell>
    </TableRow>
  );
}

function Groups({ view }: { view: EpjPatternsView }) {
  return (
    <DataTable
      zebra
      caption="Kommuner, leveranser og kommuner med hver feil per EPJ-system og versjon i perioden (andel av gruppens kommuner)"
      columns={[
        'System og versjon',
        'Kommuner',
        'Leveranser',
        'Godkjent',
        ...FAILURE_KINDS.map((kind) => FAILURE_KIND_LABELS[kind]),
        'Feilkoder i Apprec (kommuner)',
      ]}
    >
      {view.result.groups.map((row) => (
        <GroupRow key={`${row.group.level}|${row.group.system}|${row.group.version}`} row={row} view={view} />
      ))}
    </DataTable>
  );
}

function Failures({ view }: { view: EpjPatternsView }) {
  if (view.result.failures.length === 0)
    return <Paragraph>Ingen avvisninger, funn, stillhet eller volumfall i perioden.</Paragraph>;
  return (
    <DataTable zebra caption="Hver feil og hvor mange kommuner som fikk den i perioden" columns={['Feil', 'Kommuner']}>
      {view.result.failures.map((row) => (
        <TableRow key={`${row.failure.kind}|${row.failure.code}`}>
          <TableCell>{failureText(row.failure, view.apprecErrorNames)}</TableCell>
          <TableCell>{formatNumber(row.municipalities)}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

/**
 * FHI's EPJ patterns: deliveries and failures of a season's period grouped by the EPJ system and
 * version the municipalities sent, and the groups that stand out (a vendor's update that gets its
 * customers rejected, or their volumes drop). Anyone else: not found.
 */
export default async function EpjPatternsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  if (!isFhi(viewer)) notFound();
  const params = pageQuerySchema.parse(await searchParams);
  const { asOf } = toStatusQuery({ asOf: params.asOf }, new Date());
  const view = await getEpjPatterns(viewer, { seasonKey: params.season, from: params.from, to: params.to, asOf });
  if (!view) notFound();
  const { patterns } = view.result;
  return (
    <>
      <Heading level={1} data-size="lg">
        {EPJ_TEXTS.title}
      </Heading>
      <Paragraph>
        Leveranser, avvisninger i Apprec, funn, stillhet og volumfall gruppert etter EPJ-system og versjon slik
        kommunene sendte dem (iiSysID og iiSysVersjon). En kommune som byttet system, telles under hvert system for
        dagene den brukte det. En gruppe løftes fram når andelen med en feil er langt høyere enn hos resten.
      </Paragraph>
      <SeasonSwitch path={PATH} seasons={view.seasons} current={view.season.key} asOf={params.asOf} />
      <AsOfForm
        path={PATH}
        asOf={params.asOf}
        shownAt={asOf}
        keep={{ season: view.season.key, from: params.from, to: params.to }}
      />
      <PeriodForm view={view} asOf={params.asOf} />
      <Paragraph data-size="sm">
        {view.season.name}, {formatIsoDate(view.period.from)}–{formatIsoDate(view.period.to)}:{' '}
        {formatNumber(view.result.municipalities)} kommuner med kjent EPJ.
      </Paragraph>
      <PageSection id="monstre" title="Grupper som skiller seg ut">
        {patterns.length === 0 ? (
          <Paragraph>{EPJ_TEXTS.noPatterns}</Paragraph>
        ) : (
          <ol className={styles.list}>
            {patterns.map((pattern) => (
              <Pattern
                key={`${pattern.failure.kind}|${pattern.failure.code}|${groupText(pattern.group)}`}
                pattern={pattern}
                view={view}
                asOf={params.asOf}
              />
            ))}
          </ol>
        )}
      </PageSection>
      <PageSection id="grupper" title="Per EPJ-system og versjon">
        <Groups view={view} />
      </PageSection>
      <PageSection id="feil" title="Per feil">
        <Failures view={view} />
      </PageSection>
    </>
  );
}
