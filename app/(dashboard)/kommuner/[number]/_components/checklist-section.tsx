import { TableCell, TableHeaderCell, TableRow, Tag } from '@digdir/designsystemet-react';
import { PageSection } from '@/components/status/page-section';
import { DataTable } from '@/components/tables/data-table';
import { CHECKLIST_STATUS_LABELS } from '@/lib/status/labels';
import type { ChecklistItem, ChecklistStatus } from '@/lib/status/rules';

const CHECKLIST_COLORS: Record<ChecklistStatus, 'success' | 'danger' | 'warning' | 'neutral'> = {
  DONE: 'success',
  NOT_DONE: 'danger',
  WARNING: 'warning',
  NOT_APPLICABLE: 'neutral',
};

/** The checklist before and after sending, each point ticked off from the messages, Apprecs and findings. */
export function ChecklistSection({ checklist }: { checklist: readonly ChecklistItem[] }) {
  return (
    <PageSection id="sjekkliste" title="Sjekkliste før og etter innsending">
      <DataTable
        caption="Krysses av ut fra mottatte meldinger, Apprec og funn"
        columns={['Punkt', 'Status', 'Merknad']}
      >
        {checklist.map((item) => (
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
      </DataTable>
    </PageSection>
  );
}
