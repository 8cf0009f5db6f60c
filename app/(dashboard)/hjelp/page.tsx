import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { DAILY_STATE_COLORS } from '@/components/daily/daily-colors';
import type { GraphicColor } from '@/components/graphics/palette';
import { helpAnchor, type HelpTopic } from '@/components/status/help-link';
import { PageSection } from '@/components/status/page-section';
import { STATE_COLORS } from '@/components/status/state-colors';
import { requireViewer } from '@/lib/access/request';
import {
  DAILY_FLAG_HELP,
  DAILY_FLAG_LABELS,
  DAILY_STATE_HELP,
  DAILY_STATE_LABELS,
  type DailyHelpEntry,
} from '@/lib/daily/labels';
import {
  DELIVERY_STATE_HELP,
  DELIVERY_STATE_LABELS,
  FLAG_HELP,
  FLAG_LABELS,
  GLOSSARY,
  SEASON_OUTCOME_HELP,
  SEASON_OUTCOME_LABELS,
  type HelpEntry,
} from '@/lib/status/labels';
import styles from './page.module.css';

export const metadata: Metadata = { title: 'Slik leser du statusen' };

const OUTCOME_COLORS = {
  ON_TIME: 'success',
  ON_TIME_EXTENDED: 'success',
  LATE: 'warning',
  NOT_DELIVERED: 'danger',
} as const;

/** One state, flag or outcome: its word (as the badge shows it), what it means, what triggers it, what to do. */
function Entry({
  topic,
  code,
  label,
  color,
  help,
}: {
  topic: HelpTopic;
  code: string;
  label: string;
  color?: GraphicColor;
  help: HelpEntry | DailyHelpEntry;
}) {
  const id = helpAnchor(topic, code);
  return (
    <li className={styles.entry}>
      <Heading level={3} data-size="2xs" id={id} className={styles.term}>
        {color ? (
          <span className="ds-tag" data-color={color} data-size="md">
            {label}
          </span>
        ) : (
          label
        )}
      </Heading>
      <dl className={styles.facts}>
        <dt>Betyr</dt>
        <dd>{help.meaning}</dd>
        <dt>Utløses når</dt>
        <dd>{help.trigger}</dd>
        <dt>Hva gjør du</dt>
        <dd>{help.action}</dd>
      </dl>
    </li>
  );
}

function Entries<Code extends string>({
  topic,
  labels,
  help,
  colors,
}: {
  topic: HelpTopic;
  labels: Record<Code, string>;
  help: Record<Code, HelpEntry | DailyHelpEntry>;
  colors?: Record<Code, GraphicColor>;
}) {
  return (
    <ul className={styles.entries}>
      {(Object.keys(labels) as Code[]).map((code) => (
        <Entry key={code} topic={topic} code={code} label={labels[code]} color={colors?.[code]} help={help[code]} />
      ))}
    </ul>
  );
}

/**
 * "Slik leser du statusen": every state, flag and outcome of the annual and the daily reporting,
 * each with what it means, what triggers it and what to do, and a glossary with one word for each
 * thing. Every badge and flag on the other pages links to its entry here (components/status/help-link.tsx).
 */
export default async function HelpPage() {
  await requireViewer();
  return (
    <>
      <Heading level={1} data-size="lg">
        Slik leser du statusen
      </Heading>
      <Paragraph>
        Hver kommune har en status for årsrapporteringen (2025-dataene, frist 15. januar 2026) og en for den daglige
        rapporteringen (fra 1. januar 2026). Statusen regnes ut fra meldingene, Apprec og FHIs avgjørelser. Flaggene
        sier hva som må følges opp, og hvert flagg har et neste steg.
      </Paragraph>
      <PageSection id="arsrapportering" title="Årsrapporteringen: status">
        <Entries topic="tilstand" labels={DELIVERY_STATE_LABELS} help={DELIVERY_STATE_HELP} colors={STATE_COLORS} />
      </PageSection>
      <PageSection id="flagg" title="Årsrapporteringen: flagg">
        <Entries topic="flagg" labels={FLAG_LABELS} help={FLAG_HELP} />
      </PageSection>
      <PageSection id="utfall" title="Når fristen er passert: utfallet">
        <Paragraph>
          Etter gjeldende frist viser sidene utfallet i stedet for tid igjen. Det er den første godkjente leveransen som
          teller.
        </Paragraph>
        <Entries topic="utfall" labels={SEASON_OUTCOME_LABELS} help={SEASON_OUTCOME_HELP} colors={OUTCOME_COLORS} />
      </PageSection>
      <PageSection id="daglig" title="Daglig rapportering: status">
        <Entries
          topic="daglig-tilstand"
          labels={DAILY_STATE_LABELS}
          help={DAILY_STATE_HELP}
          colors={DAILY_STATE_COLORS}
        />
      </PageSection>
      <PageSection id="daglige-flagg" title="Daglig rapportering: flagg">
        <Entries topic="daglig-flagg" labels={DAILY_FLAG_LABELS} help={DAILY_FLAG_HELP} />
      </PageSection>
      <PageSection id="ordliste" title="Ordliste">
        <Paragraph>Ett ord for hver ting, brukt likt på alle sider.</Paragraph>
        <dl className={styles.glossary}>
          {GLOSSARY.map(([term, meaning]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </PageSection>
    </>
  );
}
