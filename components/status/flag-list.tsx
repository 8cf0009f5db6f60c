import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { FLAG_LABELS } from '@/lib/status/labels';
import type { DeliveryFlag, FlagEvidence } from '@/lib/status/rules';
import { formatDateTime, formatList } from '@/lib/core/format';
import { HelpLink } from './help-link';
import styles from './flag-list.module.css';

function evidenceLines(evidence: FlagEvidence): string[] {
  return [
    ...(evidence.times ?? []).map((time) => `${time.label}: ${formatDateTime(time.at)}`),
    ...(evidence.msgIds?.length ? [`Melding: ${formatList(evidence.msgIds)}`] : []),
    ...(evidence.apprecErrorCodes?.length ? [`Apprec-feilkoder: ${formatList(evidence.apprecErrorCodes)}`] : []),
    ...(evidence.findingCodes?.length ? [`Funn: ${formatList(evidence.findingCodes)}`] : []),
  ];
}

/** A municipality's flags, most urgent first: why, the evidence, and what to do next. */
export function FlagList({ flags, headingLevel }: { flags: readonly DeliveryFlag[]; headingLevel: 3 | 4 }) {
  if (flags.length === 0) return <Paragraph>Ingen flagg: ingenting å følge opp nå.</Paragraph>;
  return (
    <ul className={styles.flags}>
      {flags.map((flag) => {
        const evidence = evidenceLines(flag.evidence);
        return (
          <li key={flag.code} className={styles.flag}>
            <Heading level={headingLevel} data-size="2xs">
              <HelpLink topic="flagg" code={flag.code}>
                {FLAG_LABELS[flag.code]}
              </HelpLink>
              {flag.needsFhiAttention ? ' (venter på FHI)' : ''}
            </Heading>
            <Paragraph data-size="sm">{flag.reason}</Paragraph>
            {evidence.length > 0 && (
              <ul className={styles.evidence} aria-label="Grunnlag">
                {evidence.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
            <Paragraph data-size="sm">
              <strong>Neste steg:</strong> {flag.nextStep}
            </Paragraph>
          </li>
        );
      })}
    </ul>
  );
}
