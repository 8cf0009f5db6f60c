import {
  Details,
  DetailsContent,
  DetailsSummary,
  TableCell,
  TableHeaderCell,
  TableRow,
  Tag,
} from '@digdir/designsystemet-react';
import { DataTable } from '@/components/tables/data-table';
import { formatNumber } from '@/lib/core/format';
import { CHECK_FINDING_TITLES, FINDING_SEVERITY_LABELS, SAME_FINDINGS_SUMMARY } from '@/lib/ingest/labels';
import { groupCheckFindings, type CheckFinding, type CheckFindingGroup } from '@/lib/ingest/rules/checks';
import type { CheckFindingCode } from '@/lib/ingest/rules/finding-codes';

/** The checks of domain.md §5 as the contact sees them, each with the finding codes it covers. */
const CHECKS: { title: string; codes: CheckFindingCode[] }[] = [
  { title: 'Kommunenummeret er gyldig', codes: ['MUNICIPALITY_NUMBER_UNKNOWN', 'MUNICIPALITY_NUMBER_RENUMBERED'] },
  { title: 'Hele året er med', codes: ['PERIOD_INCOMPLETE'] },
  { title: 'Fagsystem (EPJ) som i forrige leveranse', codes: ['EPJ_SYSTEM_CHANGED'] },
  { title: 'Organisasjonsnumrene er gyldige', codes: ['ORGANISATION_NUMBER_INVALID'] },
  {
    title: 'Ingen utgåtte (12, 13, 16) eller ukjente tjenestekoder',
    codes: ['SERVICE_CODE_EXPIRED', 'SERVICE_CODE_UNKNOWN'],
  },
  { title: 'Velferdsteknologi er registrert', codes: ['WELFARE_TECHNOLOGY_MISSING', 'WELFARE_TECHNOLOGY_IMPLAUSIBLE'] },
  { title: 'Antall per tjeneste er på nivå med i fjor', codes: ['SERVICE_VOLUME_CHANGE'] },
  { title: 'Ingen testpersoner i identmeldingen', codes: ['TEST_PERSONS'] },
];

/** A check's outcome: not checked (no KPR_IDE to count test persons in), OK, or its findings (one badge per kind, with a count). */
function CheckOutcome({ hits, notChecked }: { hits: readonly CheckFindingGroup[]; notChecked: boolean }) {
  if (notChecked)
    return (
      <Tag data-color="neutral" data-size="sm">
        Ikke kontrollert
      </Tag>
    );
  if (hits.length === 0)
    return (
      <Tag data-color="success" data-size="sm">
        OK
      </Tag>
    );
  return hits.map((hit) => (
    <Tag
      key={`${hit.severity}-${hit.code}`}
      data-color={hit.severity === 'ERROR' ? 'danger' : 'warning'}
      data-size="sm"
    >
      {FINDING_SEVERITY_LABELS[hit.severity]}: {CHECK_FINDING_TITLES[hit.code]}
      {hit.messages.length > 1 && ` (${formatNumber(hit.messages.length)})`}
    </Tag>
  ));
}

/** What a kind of finding says: its message, or its messages listed under a summary when there are several. */
function FindingMessages({ group }: { group: CheckFindingGroup }) {
  if (group.messages.length === 1) return <p>{group.messages[0]}</p>;
  return (
    <Details>
      <DetailsSummary>{SAME_FINDINGS_SUMMARY(formatNumber(group.messages.length))}</DetailsSummary>
      <DetailsContent>
        <ul>
          {group.messages.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      </DetailsContent>
    </Details>
  );
}

/** Each pre-send check with its outcome and what to do about it. */
export function CheckResultsTable({
  findings,
  identityRead,
}: {
  findings: readonly CheckFinding[];
  identityRead: boolean;
}) {
  return (
    <DataTable caption="Kontroller før innsending" columns={['Kontroll', 'Resultat', 'Hva du bør gjøre']}>
      {CHECKS.map((check) => {
        const hits = groupCheckFindings(findings.filter((f) => check.codes.includes(f.code)));
        const notChecked = check.codes.includes('TEST_PERSONS') && !identityRead;
        return (
          <TableRow key={check.title}>
            <TableHeaderCell scope="row">{check.title}</TableHeaderCell>
            <TableCell>
              <CheckOutcome hits={hits} notChecked={notChecked} />
            </TableCell>
            <TableCell>
              {notChecked
                ? 'Legg til identmeldingen (KPR_IDE) for å telle testpersoner.'
                : hits.map((hit) => <FindingMessages key={`${hit.severity}-${hit.code}`} group={hit} />)}
            </TableCell>
          </TableRow>
        );
      })}
    </DataTable>
  );
}
