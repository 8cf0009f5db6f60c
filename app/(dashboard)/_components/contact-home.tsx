/**
 * A municipal contact's home page: one card per municipality they serve, most urgent first, each
 * with the daily reporting (state, days since the last accepted delivery, next step) and the annual
 * delivery (its outcome once the deadline has passed, else state and time left; next step,
 * checklist, latest event and Apprec) — readable without a click. The season that is current comes
 * first in each card. FHI keep the national overview.
 */
import { Details, DetailsContent, DetailsSummary, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import NextLink from 'next/link';
import { DAILY_STATE_COLORS } from '@/components/daily/daily-colors';
import { AsOfForm } from '@/components/filters/as-of-form';
import { SeasonSwitch } from '@/components/filters/season-switch';
import { HelpBadge, HelpLink } from '@/components/status/help-link';
import { OutcomeBadge, STATE_ICONS, deadlineText, nextStepOf } from '@/components/status/season-outcome';
import { STATE_COLORS } from '@/components/status/state-colors';
import { DAILY_FLAG_LABELS, DAILY_NEXT_STEP, DAILY_STATE_LABELS } from '@/lib/daily/labels';
import type { DailyOverviewRow } from '@/lib/daily/rules/overview';
import type { DailyState } from '@/lib/daily/rules';
import { APPREC_STATUS_LABELS } from '@/lib/ingest/labels';
import { CHECKLIST_STATUS_LABELS, DELIVERY_STATE_LABELS, FLAG_LABELS } from '@/lib/status/labels';
import {
  FLAG_URGENCY,
  flagUrgency,
  seasonOutcome,
  type MunicipalityStatusDetail,
  type SeasonOutcome,
} from '@/lib/status/rules';
import { timelineEntryText } from '@/lib/status/rules/timeline-text';
import { formatDate, formatDateTime, formatNumber } from '@/lib/core/format';
import styles from './contact-home.module.css';

const DAILY_ICONS: Record<DailyState, string> = {
  NOT_STARTED: '○',
  ONLY_TESTING: '◐',
  ACTIVE: '✓',
  LAGGING: '!',
  SILENT: '!',
  REJECTING: '✕',
  VOLUME_DROP: '!',
};

/** How urgent a daily state is, on the annual flags' scale (lib/status/rules/urgency.ts). */
const DAILY_URGENCY: Record<DailyState, number> = {
  REJECTING: FLAG_URGENCY.MUST_RESUBMIT,
  SILENT: FLAG_URGENCY.APPREC_MISSING + 5,
  LAGGING: FLAG_URGENCY.EXTENSION_PENDING_ALERT,
  VOLUME_DROP: FLAG_URGENCY.EXTENSION_PENDING_ALERT - 5,
  NOT_STARTED: FLAG_URGENCY.SHOULD_APPLY_FOR_EXTENSION,
  ONLY_TESTING: FLAG_URGENCY.RESENT_BEFORE_APPREC,
  ACTIVE: 0,
};

export interface ContactCard {
  number: string;
  name: string;
  annual: MunicipalityStatusDetail | null;
  daily: DailyOverviewRow | null;
}

/** The card's urgency: its most urgent annual flag while the season is open, and its daily state. */
function urgencyOf(card: ContactCard): number {
  const annual =
    card.annual && !seasonOutcome(card.annual.figures, card.annual.season.deadline, card.annual.asOf)
      ? Math.max(0, ...card.annual.flags.map(flagUrgency))
      : 0;
  return Math.max(annual, card.daily ? DAILY_URGENCY[card.daily.state] : 0);
}

export function byCardUrgency(cards: readonly ContactCard[]): ContactCard[] {
  return [...cards].sort((a, b) => urgencyOf(b) - urgencyOf(a) || a.number.localeCompare(b.number));
}

function daysSinceText(row: DailyOverviewRow): string {
  if (!row.lastAcceptedAt || row.daysSinceLastAccepted === null) return 'Ingen godkjent daglig levering ennå.';
  const days = row.daysSinceLastAccepted;
  const ago = days === 0 ? 'i dag' : days === 1 ? 'for 1 dag siden' : `for ${formatNumber(days)} dager siden`;
  return `Siste godkjente levering ${ago} (${formatDateTime(row.lastAcceptedAt)}).`;
}

function DailyPart({
  row,
  seasonKey,
  asOf,
  id,
}: {
  row: DailyOverviewRow;
  seasonKey: string;
  asOf?: string;
  id: string;
}) {
  const search = new URLSearchParams({ season: seasonKey, ...(asOf && { asOf }) });
  return (
    <section className={styles.part} aria-labelledby={id}>
      <Heading level={3} data-size="xs" id={id}>
        Daglig rapportering
      </Heading>
      <p className={styles.big}>
        <HelpBadge
          topic="daglig-tilstand"
          code={row.state}
          color={DAILY_STATE_COLORS[row.state]}
          size="lg"
          icon={DAILY_ICONS[row.state]}
        >
          {DAILY_STATE_LABELS[row.state]}
        </HelpBadge>
      </p>
      <Paragraph>{daysSinceText(row)}</Paragraph>
      <Paragraph>
        <strong>Neste steg:</strong> {DAILY_NEXT_STEP[row.state]}
      </Paragraph>
      {row.flags.length > 0 && (
        <Paragraph data-size="sm">
          Flagg:{' '}
          {row.flags.map((flag, index) => (
            <span key={flag.code}>
              {index > 0 && ', '}
              <HelpLink topic="daglig-flagg" code={flag.code}>
                {DAILY_FLAG_LABELS[flag.code]}
              </HelpLink>
            </span>
          ))}
        </Paragraph>
      )}
      <Paragraph data-size="sm">
        <Link asChild>
          <NextLink href={`/kommuner/${row.number}/daglig?${search}`}>Se kalenderen for {row.name}</NextLink>
        </Link>
      </Paragraph>
    </section>
  );
}

function Checklist({ annual }: { annual: MunicipalityStatusDetail }) {
  const applicable = annual.checklist.filter((item) => item.status !== 'NOT_APPLICABLE');
  const done = applicable.filter((item) => item.status === 'DONE').length;
  return (
    <Details>
      <DetailsSummary>
        Sjekkliste: {formatNumber(done)} av {formatNumber(applicable.length)} oppfylt
      </DetailsSummary>
      <DetailsContent>
        <ul className={styles.checklist}>
          {annual.checklist.map((item) => (
            <li key={item.key}>
              <strong>{CHECKLIST_STATUS_LABELS[item.status]}:</strong> {item.label}
              {item.detail ? ` – ${item.detail}` : ''}
            </li>
          ))}
        </ul>
      </DetailsContent>
    </Details>
  );
}

function LatestEvent({ annual }: { annual: MunicipalityStatusDetail }) {
  const latest = annual.timeline[0];
  const apprec = annual.figures.latestProductionMessage?.apprec;
  return (
    <dl className={styles.facts}>
      <dt>Siste hendelse</dt>
      <dd>{latest ? `${timelineEntryText(latest).event}, ${formatDateTime(latest.at)}` : 'Ingen hendelser ennå.'}</dd>
      <dt>Apprec</dt>
      <dd>
        {apprec
          ? `${APPREC_STATUS_LABELS[apprec.status]} ${formatDate(apprec.receivedAt)}${apprec.errorCodes.length ? ` (${apprec.errorCodes.join(', ')})` : ''}`
          : annual.figures.latestProductionMessage
            ? 'Venter på Apprec'
            : 'Ingenting sendt til produksjon'}
      </dd>
    </dl>
  );
}

function AnnualPart({
  annual,
  outcome,
  asOf,
  id,
}: {
  annual: MunicipalityStatusDetail;
  outcome: SeasonOutcome | null;
  asOf?: string;
  id: string;
}) {
  const search = new URLSearchParams({ season: annual.season.key, ...(asOf && { asOf }) });
  return (
    <section className={styles.part} aria-labelledby={id}>
      <Heading level={3} data-size="xs" id={id}>
        Årsleveransen – {annual.season.name}
      </Heading>
      <p className={styles.big}>
        {outcome ? (
          <OutcomeBadge outcome={outcome} size="lg" />
        ) : (
          <HelpBadge
            topic="tilstand"
            code={annual.state}
            color={STATE_COLORS[annual.state]}
            size="lg"
            icon={STATE_ICONS[annual.state]}
          >
            {DELIVERY_STATE_LABELS[annual.state]}
          </HelpBadge>
        )}
      </p>
      <Paragraph>{deadlineText(annual.figures, outcome)}</Paragraph>
      {outcome && (
        <Paragraph data-size="sm">
          Status nå:{' '}
          <HelpBadge
            topic="tilstand"
            code={annual.state}
            color={STATE_COLORS[annual.state]}
            icon={STATE_ICONS[annual.state]}
          >
            {DELIVERY_STATE_LABELS[annual.state]}
          </HelpBadge>
        </Paragraph>
      )}
      <Paragraph>
        <strong>Neste steg:</strong> {nextStepOf(annual.state, annual.flags)}
      </Paragraph>
      {annual.flags.length > 0 && (
        <Paragraph data-size="sm">
          Flagg:{' '}
          {annual.flags.map((flag, index) => (
            <span key={flag.code}>
              {index > 0 && ', '}
              <HelpLink topic="flagg" code={flag.code}>
                {FLAG_LABELS[flag.code]}
              </HelpLink>
            </span>
          ))}
        </Paragraph>
      )}
      <LatestEvent annual={annual} />
      <Checklist annual={annual} />
      <Paragraph data-size="sm">
        <Link asChild>
          <NextLink href={`/kommuner/${annual.number}?${search}`}>Se hele årsleveransen for {annual.name}</NextLink>
        </Link>
      </Paragraph>
    </section>
  );
}

function Card({ card, dailySeasonKey, asOf }: { card: ContactCard; dailySeasonKey: string | null; asOf?: string }) {
  const outcome = card.annual && seasonOutcome(card.annual.figures, card.annual.season.deadline, card.annual.asOf);
  // The current season first: the annual one while its deadline has not passed, else the daily one.
  const annualFirst = card.annual !== null && !outcome;
  const annual = card.annual && (
    <AnnualPart annual={card.annual} outcome={outcome} asOf={asOf} id={`aar-${card.number}`} />
  );
  const daily = card.daily && dailySeasonKey && (
    <DailyPart row={card.daily} seasonKey={dailySeasonKey} asOf={asOf} id={`daglig-${card.number}`} />
  );
  return (
    <article className={styles.card} aria-labelledby={`kommune-${card.number}`}>
      <Heading level={2} data-size="md" id={`kommune-${card.number}`}>
        {card.name} ({card.number})
      </Heading>
      <div className={styles.parts}>
        {annualFirst ? annual : daily}
        {annualFirst ? daily : annual}
      </div>
    </article>
  );
}

export function ContactHome({
  cards,
  seasons,
  dailySeasonKey,
  asOf,
  shownAt,
}: {
  cards: readonly ContactCard[];
  seasons: readonly { key: string; name: string }[];
  dailySeasonKey: string | null;
  /** The replayed day, if any. */
  asOf?: string;
  shownAt: Date;
}) {
  return (
    <>
      <Heading level={1} data-size="lg">
        {cards.length === 1 ? 'Min kommune' : 'Mine kommuner'}
      </Heading>
      <SeasonSwitch path="/" seasons={seasons} current="" asOf={asOf} />
      <AsOfForm path="/" asOf={asOf} shownAt={shownAt} keep={{}} />
      {asOf && (
        <Paragraph role="status">
          <strong>Du ser et tilbakeblikk:</strong> statusen slik den var ved utgangen av den valgte datoen. Siden har
          ingen handlinger.
        </Paragraph>
      )}
      {cards.length === 0 && <Paragraph>Du er ikke kontaktperson for noen kommune ennå.</Paragraph>}
      {cards.map((card) => (
        <Card key={card.number} card={card} dailySeasonKey={dailySeasonKey} asOf={asOf} />
      ))}
    </>
  );
}
