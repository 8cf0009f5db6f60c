/**
 * A flag's next step. For the municipality (its own page) the flag's own words; for FHI's reader
 * (the worklist) what FHI does now, with the municipality's own next step one click away.
 */
import { Paragraph } from '@digdir/designsystemet-react';
import { WORKLIST_LABELS } from '@/lib/status/labels';
import styles from './flag-list.module.css';

export function FlagNextStep({ municipality, fhi }: { municipality: string; fhi?: string }) {
  return (
    <>
      <Paragraph data-size="sm" className={fhi === undefined ? undefined : styles.nextStep}>
        <strong>{WORKLIST_LABELS.nextStep}</strong> {fhi ?? municipality}
      </Paragraph>
      {fhi !== undefined && (
        <details className={styles.disclosure}>
          <summary>{WORKLIST_LABELS.municipalityNextStep}</summary>
          <Paragraph data-size="sm">{municipality}</Paragraph>
        </details>
      )}
    </>
  );
}
