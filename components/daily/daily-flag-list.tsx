/**
 * A municipality's daily flags: what, why (with its evidence) and, once, the next step for its
 * state. Shared by the calendar page and the worklist.
 */
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { HelpLink } from '@/components/status/help-link';
import styles from '@/components/status/flag-list.module.css';
import { DAILY_FLAG_LABELS, DAILY_NEXT_STEP, dailyFlagReason } from '@/lib/daily/labels';
import type { DailyFlag, DailyState } from '@/lib/daily/rules';
import { formatList } from '@/lib/core/format';

export function DailyFlagList({
  flags,
  state,
  headingLevel,
}: {
  flags: readonly DailyFlag[];
  state: DailyState;
  headingLevel: 3 | 4;
}) {
  return (
    <>
      {flags.length === 0 ? (
        <Paragraph data-size="sm">Ingen flagg for daglig rapportering.</Paragraph>
      ) : (
        <ul className={styles.flags}>
          {flags.map((flag) => (
            <li key={flag.code} className={styles.flag}>
              <Heading level={headingLevel} data-size="2xs">
                <HelpLink topic="daglig-flagg" code={flag.code}>
                  {DAILY_FLAG_LABELS[flag.code]}
                </HelpLink>
              </Heading>
              <Paragraph data-size="sm">{dailyFlagReason(flag)}</Paragraph>
              {flag.evidence.msgIds?.length ? (
                <Paragraph data-size="xs">Melding: {formatList(flag.evidence.msgIds)}</Paragraph>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Paragraph data-size="sm">
        <strong>Neste steg:</strong> {DAILY_NEXT_STEP[state]}
      </Paragraph>
    </>
  );
}
