'use client';

import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useMemo, useState, useTransition } from 'react';
import { FileDrop } from '@/components/ui/file-drop';
import { SELF_CHECK_SAVED_MESSAGE } from '@/lib/ingest/labels';
import { type MunicipalityReference, resolveMunicipalityNumber } from '@/lib/ingest/rules/checks';
import type { SelfCheckContext, SelfCheckMunicipality } from '@/lib/ingest/rules/self-check';
import { formatDateTime, formatNumber } from '@/lib/core/format';
import { saveSelfCheckAction } from '../actions';
import { checkSelfCheckFiles, readSelfCheckFiles, type ReadIde, type ReadIpl } from './self-check-files';
import { SelfCheckResult, type SelfCheckSaved } from './self-check-result';

/** When each of the contact's municipalities last recorded a self-check, and with how many errors and warnings. */
function LatestSelfChecks({ municipalities }: { municipalities: readonly SelfCheckMunicipality[] }) {
  return municipalities.map((m) =>
    m.latestSelfCheck ? (
      <Paragraph key={m.number} data-size="sm">
        {m.name}: egenkontroll sist registrert {formatDateTime(m.latestSelfCheck.createdAt)} av{' '}
        {m.latestSelfCheck.byName} ({formatNumber(m.latestSelfCheck.errorCount)} feil,{' '}
        {formatNumber(m.latestSelfCheck.warningCount)} advarsler).
      </Paragraph>
    ) : null,
  );
}

/** Reads KPR_IPL and KPR_IDE files in the browser and shows the pre-send checks; nothing is uploaded. */
export function SelfCheckPanel({ context }: { context: SelfCheckContext }) {
  const [ipl, setIpl] = useState<ReadIpl | null>(null);
  const [ide, setIde] = useState<ReadIde | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<SelfCheckSaved | null>(null);
  const [saving, startSaving] = useTransition();

  const municipalities: MunicipalityReference = useMemo(
    () => ({ validNumbers: new Set(context.validMunicipalityNumbers), renumbering: new Map(context.renumbering) }),
    [context],
  );

  const onFiles = async (files: File[]) => {
    setSaved(null);
    const read = await readSelfCheckFiles(files, context.endpoints);
    if (read.ipl) setIpl(read.ipl);
    if (read.ide) setIde(read.ide);
    setProblems(read.problems);
  };

  const resolved = ipl ? resolveMunicipalityNumber(ipl.header.municipalityNumberAsSent, municipalities).number : null;
  const own = context.municipalities.find((m) => m.number === resolved) ?? null;
  const findings = checkSelfCheckFiles({ ipl, ide }, own, context, municipalities);

  const save = () =>
    startSaving(async () => {
      if (!ipl || !own) return;
      const result = await saveSelfCheckAction({
        municipalityNumber: own.number,
        header: ipl.header,
        summary: ipl.summary,
        identity: ide?.summary ?? null,
      });
      setSaved(result.ok ? { ok: true, message: SELF_CHECK_SAVED_MESSAGE } : result);
    });

  return (
    <>
      <LatestSelfChecks municipalities={context.municipalities} />
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
        <SelfCheckResult
          context={context}
          ipl={ipl}
          ide={ide}
          own={own}
          foreign={resolved !== null && !own}
          findings={findings}
          onSave={save}
          saving={saving}
          saved={saved}
        />
      )}
    </>
  );
}
