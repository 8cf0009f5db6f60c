'use client';

import {
  Alert,
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Tag,
} from '@digdir/designsystemet-react';
import { useMemo, useState, useTransition } from 'react';
import { FileDrop } from '@/components/ui/file-drop';
import {
  type CheckFinding,
  type MunicipalityReference,
  resolveMunicipalityNumber,
  runDeliveryChecks,
} from '@/lib/ingest/rules/checks';
import type { IdentityContentSummary } from '@/lib/core/content-summary';
import { CHECK_FINDING_TITLES } from '@/lib/ingest/labels';
import type { CheckFindingCode } from '@/lib/ingest/rules/finding-codes';
import { XmlReadError } from '@/lib/ingest/readers/errors';
import type { IplosContent } from '@/lib/ingest/readers/iplos';
import { readKprDocument } from '@/lib/ingest/readers/read-document';
import type { SelfCheckContext } from '@/lib/ingest/data/self-checks';
import { formatDateTime, formatIsoDate, formatNumber } from '@/lib/core/format';
import { saveSelfCheckAction } from '../actions';

interface ReadFile {
  fileName: string;
}
type Ipl = ReadFile & IplosContent;
type Ide = ReadFile & { summary: IdentityContentSummary };

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

/** Reads KPR_IPL and KPR_IDE files in the browser and shows the pre-send checks; nothing is uploaded. */
export function SelfCheckPanel({ context }: { context: SelfCheckContext }) {
  const [ipl, setIpl] = useState<Ipl | null>(null);
  const [ide, setIde] = useState<Ide | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<{ ok: boolean; message: string } | null>(null);
  const [saving, startSaving] = useTransition();

  const municipalities: MunicipalityReference = useMemo(
    () => ({ validNumbers: new Set(context.validMunicipalityNumbers), renumbering: new Map(context.renumbering) }),
    [context],
  );

  const onFiles = async (files: File[]) => {
    const found: string[] = [];
    setSaved(null);
    for (const file of files) {
      try {
        const document = readKprDocument(new Uint8Array(await file.arrayBuffer()), { endpoints: context.endpoints });
        if (document.kind === 'KPR_IPL') setIpl({ fileName: file.name, ...document.content });
        else if (document.kind === 'KPR_IDE') setIde({ fileName: file.name, summary: document.content.summary });
        else
          found.push(
            `${file.name}: dette er en applikasjonskvittering (Apprec), ikke en fagmelding eller identmelding.`,
          );
      } catch (error) {
        found.push(
          error instanceof XmlReadError
            ? `${file.name}: filen kan ikke leses som KPR-melding (${error.code}). ${error.message}`
            : `${file.name}: filen kan ikke leses.`,
        );
      }
    }
    setProblems(found);
  };

  const resolved = ipl ? resolveMunicipalityNumber(ipl.header.municipalityNumberAsSent, municipalities).number : null;
  const own = context.municipalities.find((m) => m.number === resolved) ?? null;
  const findings: CheckFinding[] = ipl
    ? runDeliveryChecks({
        header: ipl.header,
        summary: ipl.summary,
        identity: ide?.summary ?? null,
        season: context.season,
        municipalities,
        serviceCodes: context.serviceCodes,
        previousEpjSystem: own?.previousEpjSystem ?? null,
        lastYearServicesByCode: own?.lastYearServicesByCode ?? null,
      })
    : [];

  const save = () =>
    startSaving(async () => {
      if (!ipl || !own) return;
      const result = await saveSelfCheckAction({
        municipalityNumber: own.number,
        header: ipl.header,
        summary: ipl.summary,
        identity: ide?.summary ?? null,
      });
      setSaved(result.ok ? { ok: true, message: 'Egenkontrollen er registrert som utført.' } : result);
    });

  return (
    <>
      {context.municipalities.map((m) =>
        m.latestSelfCheck ? (
          <Paragraph key={m.number} data-size="sm">
            {m.name}: egenkontroll sist registrert {formatDateTime(m.latestSelfCheck.createdAt)} av{' '}
            {m.latestSelfCheck.byName} ({formatNumber(m.latestSelfCheck.errorCount)} feil,{' '}
            {formatNumber(m.latestSelfCheck.warningCount)} advarsler).
          </Paragraph>
        ) : null,
      )}
      <FileDrop
        label="Velg eller slipp fagmelding og identmelding"
        description="XML-filene dere skal sende (KPR_IPL og KPR_IDE). De forlater ikke maskinen din."
        accept=".xml,application/xml,text/xml"
        onFiles={(files) => void onFiles(files)}
      />
      {problems.length > 0 && (
        <Alert data-color="danger">
          {problems.map((problem) => (
            <Paragraph key={problem}>{problem}</Paragraph>
          ))}
        </Alert>
      )}
      {ipl && (
        <section aria-labelledby="resultat">
          <Heading level={2} data-size="md" id="resultat">
            Resultat for {ipl.fileName}
            {ide ? ` og ${ide.fileName}` : ''}
          </Heading>
          <Paragraph>
            Kommunenummer {ipl.header.municipalityNumberAsSent}
            {own ? ` (${own.name})` : ''}, periode {formatIsoDate(ipl.header.periodFrom)}–
            {formatIsoDate(ipl.header.periodTo)}, fagsystem {ipl.header.epjSystem ?? 'ikke oppgitt'}{' '}
            {ipl.header.epjVersion ?? ''}. {formatNumber(ipl.summary.persons)} personer i fagmeldingen
            {ide
              ? `, ${formatNumber(ide.summary.persons)} i identmeldingen, av dem ${formatNumber(ide.summary.testPersons)} testpersoner`
              : ''}
            .
          </Paragraph>
          {resolved !== null && !own && (
            <Alert data-color="warning">
              Fagmeldingen gjelder ikke en kommune du er kontaktperson for, så den kan ikke sammenlignes med i fjor
              eller lagres.
            </Alert>
          )}
          <Table data-size="sm">
            <caption>Kontroller før innsending</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">Kontroll</TableHeaderCell>
                <TableHeaderCell scope="col">Resultat</TableHeaderCell>
                <TableHeaderCell scope="col">Hva du bør gjøre</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {CHECKS.map((check) => {
                const hits = findings.filter((f) => check.codes.includes(f.code));
                const notChecked = check.codes.includes('TEST_PERSONS') && !ide;
                return (
                  <TableRow key={check.title}>
                    <TableHeaderCell scope="row">{check.title}</TableHeaderCell>
                    <TableCell>
                      {notChecked ? (
                        <Tag data-color="neutral" data-size="sm">
                          Ikke kontrollert
                        </Tag>
                      ) : hits.length === 0 ? (
                        <Tag data-color="success" data-size="sm">
                          OK
                        </Tag>
                      ) : (
                        hits.map((hit, index) => (
                          <Tag key={index} data-color={hit.severity === 'ERROR' ? 'danger' : 'warning'} data-size="sm">
                            {hit.severity === 'ERROR' ? 'Feil' : 'Advarsel'}: {CHECK_FINDING_TITLES[hit.code]}
                          </Tag>
                        ))
                      )}
                    </TableCell>
                    <TableCell>
                      {notChecked
                        ? 'Legg til identmeldingen (KPR_IDE) for å telle testpersoner.'
                        : hits.map((hit) => hit.message).join(' ')}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <ServiceCounts
            context={context}
            current={ipl.summary.servicesByCode}
            lastYear={own?.lastYearServicesByCode ?? null}
          />
          {own && (
            <Paragraph>
              <Button type="button" onClick={save} disabled={saving}>
                Registrer egenkontrollen som utført
              </Button>
            </Paragraph>
          )}
          {saved && (
            <Alert data-color={saved.ok ? 'success' : 'danger'} role="status">
              {saved.message} Bare antall og kontrollresultater lagres, ingen personopplysninger.
            </Alert>
          )}
        </section>
      )}
    </>
  );
}

function ServiceCounts({
  context,
  current,
  lastYear,
}: {
  context: SelfCheckContext;
  current: Record<string, number>;
  lastYear: Record<string, number> | null;
}) {
  const names = new Map(context.serviceCodes.map((s) => [String(s.code), s.name]));
  const codes = [...new Set([...Object.keys(current), ...Object.keys(lastYear ?? {})])].sort(
    (a, b) => Number(a) - Number(b),
  );
  return (
    <Table data-size="sm" zebra>
      <caption>Antall tjenester per tjenestekode{lastYear ? ' mot forrige leveranse' : ''}</caption>
      <TableHead>
        <TableRow>
          <TableHeaderCell scope="col">Tjenestekode</TableHeaderCell>
          <TableHeaderCell scope="col">I år</TableHeaderCell>
          {lastYear && <TableHeaderCell scope="col">I fjor</TableHeaderCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {codes.map((code) => (
          <TableRow key={code}>
            <TableHeaderCell scope="row">
              {code} {names.get(code) ?? ''}
            </TableHeaderCell>
            <TableCell>{formatNumber(current[code] ?? 0)}</TableCell>
            {lastYear && <TableCell>{formatNumber(lastYear[code] ?? 0)}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
