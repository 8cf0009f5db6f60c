import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Confirmation } from '@/components/ui/confirmation';
import type { CheckFinding } from '@/lib/ingest/rules/checks';
import type { SelfCheckContext, SelfCheckMunicipality } from '@/lib/ingest/rules/self-check';
import { formatIsoDate, formatNumber } from '@/lib/core/format';
import { CheckResultsTable } from './check-results-table';
import type { ReadIde, ReadIpl } from './self-check-files';
import { ServiceCounts } from './service-counts';

/** What the files hold: municipality, period, EPJ system and the number of persons (and test persons). */
function FilesSummary({ ipl, ide, own }: { ipl: ReadIpl; ide: ReadIde | null; own: SelfCheckMunicipality | null }) {
  return (
    <Paragraph>
      Kommunenummer {ipl.header.municipalityNumberAsSent}
      {own ? ` (${own.name})` : ''}, periode {formatIsoDate(ipl.header.periodFrom)}–{formatIsoDate(ipl.header.periodTo)}
      , fagsystem {ipl.header.epjSystem ?? 'ikke oppgitt'} {ipl.header.epjVersion ?? ''}.{' '}
      {formatNumber(ipl.summary.persons)} personer i fagmeldingen
      {ide
        ? `, ${formatNumber(ide.summary.persons)} i identmeldingen, av dem ${formatNumber(ide.summary.testPersons)} testpersoner`
        : ''}
      .
    </Paragraph>
  );
}

export interface SelfCheckSaved {
  ok: boolean;
  message: string;
}

/** The checks of the files read: what they hold, each check's outcome, the service counts, and saving it as done. */
export function SelfCheckResult({
  context,
  ipl,
  ide,
  own,
  foreign,
  findings,
  onSave,
  saving,
  saved,
}: {
  context: SelfCheckContext;
  ipl: ReadIpl;
  ide: ReadIde | null;
  /** The contact's municipality the KPR_IPL is about; null when it is about none of theirs. */
  own: SelfCheckMunicipality | null;
  /** The KPR_IPL is about a known municipality that is not the contact's. */
  foreign: boolean;
  findings: readonly CheckFinding[];
  onSave: () => void;
  saving: boolean;
  saved: SelfCheckSaved | null;
}) {
  return (
    <section aria-labelledby="resultat">
      <Heading level={2} data-size="md" id="resultat">
        Resultat for {ipl.fileName}
        {ide ? ` og ${ide.fileName}` : ''}
      </Heading>
      <FilesSummary ipl={ipl} ide={ide} own={own} />
      {foreign && (
        <Alert data-color="warning">
          Fagmeldingen gjelder ikke en kommune du er kontaktperson for, så den kan ikke sammenlignes med i fjor eller
          lagres.
        </Alert>
      )}
      <CheckResultsTable findings={findings} identityRead={ide !== null} />
      <ServiceCounts
        serviceCodes={context.serviceCodes}
        current={ipl.summary.servicesByCode}
        lastYear={own?.lastYearServicesByCode ?? null}
      />
      {own && (
        <Paragraph>
          <Button type="button" onClick={onSave} disabled={saving}>
            Registrer egenkontrollen som utført
          </Button>
        </Paragraph>
      )}
      <Confirmation>{saved?.ok && saved.message}</Confirmation>
      {saved && !saved.ok && (
        <Alert data-color="danger" role="alert">
          {saved.message}
        </Alert>
      )}
    </section>
  );
}
