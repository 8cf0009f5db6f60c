/**
 * A municipality's daily flags, each in its own colour and with its icon: what and why (with its
 * evidence). On the calendar page the next step for its state follows once; on the worklist
 * (`fhi`) each flag has FHI's next step, with the municipality's own one click away.
 */
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { FlagIcon, flagColorStyle } from '@/components/status/flag-icon';
import { HelpLink } from '@/components/status/help-link';
import styles from '@/components/status/flag-list.module.css';
import { FlagNextStep } from '@/components/status/flag-next-step';
import {
  DAILY_FLAG_FHI_NEXT_STEP,
  DAILY_FLAG_LABELS,
  DAILY_FLAG_NEXT_STEP,
  DAILY_NEXT_STEP,
  dailyFlagReason,
} from '@/lib/daily/labels';
import type { DailyFlag, DailyState } from '@/lib/daily/rules';
import { formatList } from '@/lib/core/format';

export function DailyFlagList({
  flags,
  state,
  headingLevel,
  fhi = false,
}: {
  flags: readonly DailyFlag[];
  state: DailyState;
  headingLevel: 3 | 4 | 5;
  fhi?: boolean;
}) {
  return (
    <>
      {flags.length === 0 ? (
        <Paragraph data-size="sm">Ingen flagg for daglig rapportering.</Paragraph>
      ) : (
        <ul className={styles.flags}>
          {flags.map((flag) => (
            <li key={flag.code} className={styles.flag} style={flagColorStyle(flag.code)}>
              <Heading level={headingLevel} data-size="2xs" className={styles.mark}>
                <FlagIcon code={flag.code} />
                <HelpLink topic="daglig-flagg" code={flag.code}>
                  {DAILY_FLAG_LABELS[flag.code]}
                </HelpLink>
              </Heading>
              <Paragraph data-size="sm">{dailyFlagReason(flag)}</Paragraph>
              {flag.evidence.msgIds?.length ? (
                <Paragraph data-size="xs">Melding: {formatList(flag.evidence.msgIds)}</Paragraph>
              ) : null}
              {fhi && (
                <FlagNextStep
                  municipality={DAILY_FLAG_NEXT_STEP[flag.code]}
                  fhi={DAILY_FLAG_FHI_NEXT_STEP[flag.code]}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {!fhi && <FlagNextStep municipality={DAILY_NEXT_STEP[state]} />}
    </>
  );
}
