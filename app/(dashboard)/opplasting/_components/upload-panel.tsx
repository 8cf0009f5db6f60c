'use client';

import { Heading, TableCell, TableHeaderCell, TableRow, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { UploadResult } from '../upload-result';
import { DataTable } from '@/components/tables/data-table';
import { Confirmation } from '@/components/ui/confirmation';
import { FileDrop } from '@/components/ui/file-drop';
import { maskIdentityNumbers } from '@/lib/core/identity-masking';
import { UPLOAD_DONE_MESSAGE, UPLOAD_OUTCOME_LABELS, type UploadOutcome } from '@/lib/ingest/labels';

interface FileRow {
  key: string;
  name: string;
  result: UploadResult | null;
}

const OUTCOME_COLORS: Record<UploadOutcome, 'success' | 'info' | 'danger' | 'warning'> = {
  created: 'success',
  duplicate: 'info',
  rejected: 'danger',
  failed: 'warning',
};

async function upload(file: File): Promise<UploadResult> {
  const isCsv = file.name.toLowerCase().endsWith('.csv') || file.type === 'text/csv';
  try {
    const response = await fetch('/opplasting/fil', {
      method: 'POST',
      body: file,
      headers: { 'Content-Type': isCsv ? 'text/csv' : 'application/xml' },
    });
    if (response.headers.get('content-type')?.includes('application/json') && response.status !== 404)
      return (await response.json()) as UploadResult;
    return { outcome: 'failed', message: `Opplastingen feilet (HTTP ${response.status}).` };
  } catch {
    return { outcome: 'failed', message: 'Fikk ikke kontakt med tjenesten. Prøv igjen.' };
  }
}

/**
 * Sends dropped or chosen files one at a time through the same ingestion as the API, lists each
 * file's result and, once all are sent, says (announced) how many were stored, known or refused.
 */
export function UploadPanel() {
  const [rows, setRows] = useState<FileRow[]>([]);
  const [done, setDone] = useState('');
  const onFiles = async (files: File[]) => {
    setDone('');
    // A file's name never leaves the browser; it is shown with any identity number in it masked.
    const added = files.map((file, index) => ({
      key: `${Date.now()}-${index}`,
      name: maskIdentityNumbers(file.name),
      result: null,
    }));
    setRows((current) => [...added, ...current]);
    const counts: Record<UploadOutcome, number> = { created: 0, duplicate: 0, rejected: 0, failed: 0 };
    for (const [index, file] of files.entries()) {
      const result = await upload(file);
      counts[result.outcome]++;
      setRows((current) => current.map((row) => (row.key === added[index]!.key ? { ...row, result } : row)));
    }
    setDone(UPLOAD_DONE_MESSAGE(counts));
  };
  return (
    <>
      <FileDrop
        label="Velg eller slipp filer"
        description="XML-filer (KPR_IPL, KPR_IDE eller Apprec) og CSV-filer med funn fra FHIs validering. Flere filer om gangen går fint."
        accept=".xml,.csv,application/xml,text/xml,text/csv"
        onFiles={(files) => void onFiles(files)}
      />
      <Confirmation>{done}</Confirmation>
      {rows.length > 0 && (
        <section aria-labelledby="upload-result-heading">
          <Heading level={2} data-size="sm" id="upload-result-heading">
            Resultat
          </Heading>
          <DataTable caption="Resultat per fil" columns={['Fil', 'Status', 'Melding']}>
            {rows.map((row) => (
              <TableRow key={row.key}>
                <TableHeaderCell scope="row">{row.name}</TableHeaderCell>
                <TableCell>
                  {row.result ? (
                    <Tag data-color={OUTCOME_COLORS[row.result.outcome]} data-size="sm">
                      {UPLOAD_OUTCOME_LABELS[row.result.outcome]}
                    </Tag>
                  ) : (
                    'Sender …'
                  )}
                </TableCell>
                <TableCell>{row.result?.message ?? ''}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        </section>
      )}
    </>
  );
}
