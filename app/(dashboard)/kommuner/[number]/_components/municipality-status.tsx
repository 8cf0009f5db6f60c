import type { ReactNode } from 'react';
import {
  Alert,
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Tag,
} from '@digdir/designsystemet-react';
import { AsOfForm } from '@/components/filters/as-of-form';
import { FlagList } from '@/components/status/flag-list';
import { STATE_COLORS } from '@/components/status/state-colors';
import type { MunicipalityStatusDetail } from '@/lib/status/data/status';
import {
  CHECKLIST_STATUS_LABELS,
  DELIVERY_STATE_LABELS,
  FLAG_LABELS,
  type ChecklistStatus,
  type DeliveryFigures,
} from '@/lib/status/rules';
import { formatDate, formatDateTime, formatDuration, formatList, formatNumber } from '@/lib/core/format';
import type { StatusQueryParams } from '@/lib/status/query';
import { timelineEntryText } from '@/lib/status/timeline-text';
import { PageSection } from '@/components/status/page-section';
import facts from '@/components/status/facts.module.css';
import styles from './municipality-status.module.css';

const CHECKLIST_COLORS: Record<ChecklistStatus, 'success' | 'danger' | 'warning' | 'neutral'> = {
  DONE: 'success',
  NOT_DONE: 'danger',
  WARNING: 'warning',
  NOT_APPLICABLE: 'neutral',
};

function onTimeText(figures: DeliveryFigures): string {
  if (figures.deliveredOnTime === null) return 'Ingen godkjent levering ennå';
  return figures.deliveredOnTime ? 'Ja' : 'Nei';
}

/** The page as a file, for the season and instant shown. */
function exportHref(number: string, format: 'csv' | 'xlsx', query: StatusQueryParams): string {
  const search = new URLSearchParams({
    format,
    ...(query.season && { season: query.season }),
    ...(query.asOf && { asOf: query.asOf }),
  });
  return `/kommuner/${number}/eksport?${search}`;
}

/**
 * A municipality's season: state, flags and next step, the follow-up (extension requests, notes,
 * reminders: `followUp`), checklist, this season vs last, timeline.
 */
export function MunicipalityStatus({
  municipality,
  query,
  followUp,
}: {
  municipality: MunicipalityStatusDetail;
  query: StatusQueryParams;
  followUp: ReactNode;
}) {
  const { figures, previous, season } = municipality;
  const resubmissionAgreedAt = municipality.flags.find((flag) => flag.code === 'MUST_RESUBMIT')?.resubmissionAgreedAt;

  return (
    <>
      <Heading level={1} data-size="lg">
        {municipality.name} ({municipality.number})
      </Heading>
      <Paragraph>
        {municipality.officialName}, {municipality.countyName}. {season.name}.
      </Paragraph>
      <AsOfForm
        path={`/kommuner/${municipality.number}`}
        asOf={query.asOf}
        shownAt={municipality.asOf}
        keep={{ season: query.season }}
      />
      <Paragraph data-size="sm" className={styles.downloads}>
        <Link href={exportHref(municipality.number, 'csv', query)}>Last ned CSV</Link>
        <Link href={exportHref(municipality.number, 'xlsx', query)}>Last ned Excel</Link>
      </Paragraph>

      <PageSection id="status" title="Status">
        <Paragraph>
          <Tag data-color={STATE_COLORS[municipality.state]}>{DELIVERY_STATE_LABELS[municipality.state]}</Tag>
        </Paragraph>
        {resubmissionAgreedAt && (
          <Alert data-color="success">
            <strong>Klar til å sende på nytt.</strong> FHI og kommunen avtalte ny innsending{' '}
            {formatDate(resubmissionAgreedAt)}. Kommunen kan nå sende hele året på nytt: både fagmelding (KPR_IPL) og
            identmelding (KPR_IDE).
          </Alert>
        )}
        <dl className={facts.facts}>
          <dt>Frist</dt>
          <dd>
            {formatDateTime(figures.effectiveDeadline)}
            {figures.extensionGranted ? ' (innvilget utsettelse)' : ''}
          </dd>
          <dt>Igjen</dt>
          <dd>
            {figures.calendarDaysLeft >= 0
              ? `${formatNumber(figures.calendarDaysLeft)} dager, ${formatNumber(figures.workingDaysLeft)} arbeidsdager`
              : `Fristen gikk ut for ${formatNumber(-figures.calendarDaysLeft)} dager siden`}
          </dd>
          <dt>Leveranser til produksjon</dt>
          <dd>{formatNumber(figures.productionDeliveries)}</dd>
          <dt>Levert i tide</dt>
          <dd>{onTimeText(figures)}</dd>
          {figures.firstAcceptedAt && (
            <>
              <dt>Første godkjente levering</dt>
              <dd>
                {formatDateTime(figures.firstAcceptedAt)}
                {figures.timeToFirstAcceptedDeliveryMs !== null
                  ? ` (${formatDuration(figures.timeToFirstAcceptedDeliveryMs)} etter åpning)`
                  : ''}
              </dd>
            </>
          )}
        </dl>
        <Heading level={3} data-size="xs">
          Flagg og neste steg
        </Heading>
        <FlagList flags={municipality.flags} headingLevel={4} />
      </PageSection>

      {followUp}

      <PageSection id="sjekkliste" title="Sjekkliste før og etter innsending">
        <Table data-size="sm">
          <caption>Krysses av ut fra mottatte meldinger, Apprec og funn</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">Punkt</TableHeaderCell>
              <TableHeaderCell scope="col">Status</TableHeaderCell>
              <TableHeaderCell scope="col">Merknad</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {municipality.checklist.map((item) => (
              <TableRow key={item.key}>
                <TableHeaderCell scope="row">{item.label}</TableHeaderCell>
                <TableCell>
                  <Tag data-color={CHECKLIST_COLORS[item.status]} data-size="sm">
                    {CHECKLIST_STATUS_LABELS[item.status]}
                  </Tag>
                </TableCell>
                <TableCell>{item.detail ?? '–'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </PageSection>

      {previous && (
        <PageSection id="i-fjor" title="I år og i fjor">
          <Table data-size="sm">
            <caption>
              {season.name} sammenlignet med {previous.season.name}
            </caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">Hva</TableHeaderCell>
                <TableHeaderCell scope="col">{season.name}</TableHeaderCell>
                <TableHeaderCell scope="col">{previous.season.name}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              <TableRow>
                <TableHeaderCell scope="row">Status på samme dag før fristen</TableHeaderCell>
                <TableCell>{DELIVERY_STATE_LABELS[municipality.state]}</TableCell>
                <TableCell>
                  {DELIVERY_STATE_LABELS[previous.stateAtSameDate]} ({formatDate(previous.sameDate)})
                </TableCell>
              </TableRow>
              <TableRow>
                <TableHeaderCell scope="row">Status ved sesongslutt</TableHeaderCell>
                <TableCell>–</TableCell>
                <TableCell>{DELIVERY_STATE_LABELS[previous.state]}</TableCell>
              </TableRow>
              <TableRow>
                <TableHeaderCell scope="row">Første godkjente levering</TableHeaderCell>
                <TableCell>{figures.firstAcceptedAt ? formatDateTime(figures.firstAcceptedAt) : '–'}</TableCell>
                <TableCell>
                  {previous.figures.firstAcceptedAt ? formatDateTime(previous.figures.firstAcceptedAt) : '–'}
                </TableCell>
              </TableRow>
              <TableRow>
                <TableHeaderCell scope="row">Levert i tide</TableHeaderCell>
                <TableCell>{onTimeText(figures)}</TableCell>
                <TableCell>{onTimeText(previous.figures)}</TableCell>
              </TableRow>
              <TableRow>
                <TableHeaderCell scope="row">Leveranser til produksjon</TableHeaderCell>
                <TableCell>{formatNumber(figures.productionDeliveries)}</TableCell>
                <TableCell>{formatNumber(previous.figures.productionDeliveries)}</TableCell>
              </TableRow>
              <TableRow>
                <TableHeaderCell scope="row">Flagg</TableHeaderCell>
                <TableCell>
                  {municipality.flags.length
                    ? formatList(municipality.flags.map((flag) => FLAG_LABELS[flag.code]))
                    : '–'}
                </TableCell>
                <TableCell>
                  {previous.flags.length ? formatList(previous.flags.map((code) => FLAG_LABELS[code])) : '–'}
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </PageSection>
      )}

      <PageSection id="tidslinje" title="Tidslinje">
        <div className={styles.scroll}>
          <Table zebra data-size="sm" className={styles.timeline}>
            <caption>Alle meldinger, Apprec, funn og utsettelser, nyeste først</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">Tid</TableHeaderCell>
                <TableHeaderCell scope="col">Hendelse</TableHeaderCell>
                <TableHeaderCell scope="col">Detaljer</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {municipality.timeline.length === 0 && (
                <TableRow>
                  <TableCell colSpan={3}>Ingenting mottatt ennå.</TableCell>
                </TableRow>
              )}
              {municipality.timeline.map((entry, index) => {
                const { event, detail, errors } = timelineEntryText(entry);
                return (
                  <TableRow key={index}>
                    <TableCell className={styles.nowrap}>{formatDateTime(entry.at)}</TableCell>
                    <TableCell>{event}</TableCell>
                    <TableCell className={styles.details}>
                      {detail || '–'}
                      {errors.length > 0 && (
                        <ul className={styles.errors}>
                          {errors.map((error, errorIndex) => (
                            <li key={errorIndex}>{error}</li>
                          ))}
                        </ul>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      </PageSection>
    </>
  );
}
