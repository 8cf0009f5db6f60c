import { Button, Heading, Paragraph, TableCell, TableHeaderCell, TableRow, Tag } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DataTable } from '@/components/tables/data-table';
import { requireViewer } from '@/lib/access/request';
import { listApiKeys } from '@/lib/access';
import { formatDateTime, formatNumber } from '@/lib/core/format';
import { ApiKeyForm } from './_components/api-key-form';
import { revokeApiKeyAction } from './actions';

export const metadata: Metadata = { title: 'API-nøkler' };

export default async function ApiKeysPage() {
  const viewer = await requireViewer();
  const keys = await listApiKeys(viewer);
  if (!keys) notFound();

  return (
    <>
      <Heading level={1} data-size="lg">
        API-nøkler
      </Heading>
      <Paragraph>
        Maskinklienter (FHIs mottak, rapportverktøy) bruker en API-nøkkel mot <code>/api/v1</code>. INGEST gir lov til å
        sende meldinger, Apprec og valideringsfunn; READ gir lov til å lese status.
      </Paragraph>
      <ApiKeyForm />
      <DataTable
        zebra
        caption={<>API-nøkler ({formatNumber(keys.length)})</>}
        columns={['Navn', 'Begynner med', 'Tilgang', 'Laget', 'Sist brukt', 'Status']}
      >
        {keys.map((key) => (
          <TableRow key={key.id}>
            <TableHeaderCell scope="row">{key.name}</TableHeaderCell>
            <TableCell>
              <code>{key.prefix}…</code>
            </TableCell>
            <TableCell>{key.scopes.join(', ')}</TableCell>
            <TableCell>
              {formatDateTime(key.createdAt)}
              {key.createdByName ? ` av ${key.createdByName}` : key.demo ? ' (demo)' : ''}
            </TableCell>
            <TableCell>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Aldri'}</TableCell>
            <TableCell>
              {key.revokedAt ? (
                <Tag data-color="neutral" data-size="sm">
                  Tilbakekalt {formatDateTime(key.revokedAt)}
                </Tag>
              ) : (
                <form action={revokeApiKeyAction}>
                  <input type="hidden" name="apiKeyId" value={key.id} />
                  <Button
                    type="submit"
                    variant="secondary"
                    data-color="danger"
                    data-size="sm"
                    aria-label={`Tilbakekall ${key.name}`}
                  >
                    Tilbakekall
                  </Button>
                </form>
              )}
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
    </>
  );
}
