import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { apprecErrorText, findingTitle } from '@/lib/ingest/labels';
import { FLAG_FHI_NEXT_STEP, FLAG_LABELS } from '@/lib/status/labels';
import type { DeliveryFlag, FlagEvidence } from '@/lib/status/rules';
import { formatDateTime, formatList } from '@/lib/core/format';
import { FlagIcon, flagColorStyle } from './flag-icon';
import { FlagNextStep } from './flag-next-step';
import { HelpLink } from './help-link';
import styles from './flag-list.module.css';

function evidenceLines(evidence: FlagEvidence): string[] {
  return [
    ...(evidence.times ?? []).map((time) => `${time.label}: ${formatDateTime(time.at)}`),
    ...(evidence.msgIds?.length ? [`Melding: ${formatList(evidence.msgIds)}`] : []),
    ...(evidence.apprecErrorCodes?.length
      ? [`Apprec-feil: ${formatList(evidence.apprecErrorCodes.map((code) => apprecErrorText(code)))}`]
      : []),
    ...(evidence.findingCodes?.length ? [`Funn: ${formatList(evidence.findingCodes.map(findingTitle))}`] : []),
  ];
}

/**
 * A municipality's flags, most urgent first, each in its own colour and with its icon: why, the
 * evidence, and what to do next — for the municipality, or (`fhi`, the worklist) for FHI with the
 * municipality's own next step one click away.
 */
export function FlagList({
  flags,
  headingLevel,
  fhi = false,
}: {
  flags: readonly DeliveryFlag[];
  headingLevel: 3 | 4 | 5;
  fhi?: boolean;
}) {
  if (flags.length === 0) return <Paragraph>Ingen flagg: ingenting å følge opp nå.</Paragraph>;
  return (
    <ul className={styles.flags}>
      {flags.map((flag) => {
        const evidence = evidenceLines(flag.evidence);
        return (
          <li key={flag.code} className={styles.flag} style={flagColorStyle(flag.code)}>
            <Heading level={headingLevel} data-size="2xs" className={styles.mark}>
              <FlagIcon code={flag.code} />
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
            <FlagNextStep municipality={flag.nextStep} fhi={fhi ? FLAG_FHI_NEXT_STEP[flag.code] : undefined} />
          </li>
        );
      })}
    </ul>
  );
}
