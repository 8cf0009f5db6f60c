import { Button, Heading, Paragraph, TableCell, TableHeaderCell, TableRow, Tag } from '@digdir/designsystemet-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Confirmation } from '@/components/ui/confirmation';
import { DataTable } from '@/components/tables/data-table';
import { requireViewer } from '@/lib/access/request';
import { listApiKeys } from '@/lib/access';
import { API_KEY_CHANGED_MESSAGES } from '@/lib/access/labels';
import { formatDateTime, formatNumber } from '@/lib/core/format';
import { ApiKeyForm } from './_components/api-key-form';
import { revokeApiKeyAction } from './actions';

export const metadata: Metadata = { title: 'API-nøkler' };

/** `?tilbakekalt=<id>`: the key just revoked (the action redirects here). */
const pageQuerySchema = z.object({ tilbakekalt: z.uuid().optional().catch(undefined) });

export default async function ApiKeysPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  const keys = await listApiKeys(viewer);
  if (!keys) notFound();
  const { tilbakekalt } = pageQuerySchema.parse(await searchParams);
  const revoked = keys.find((key) => key.id === tilbakekalt && key.revokedAt);

  return (
    <>
      <Heading level={1} data-size="lg">
        API-nøkler
      </Heading>
      <Paragraph>
        Maskinklienter (FHIs mottak, rapportverktøy) bruker en API-nøkkel mot <code>/api/v1</code>. INGEST gir lov til å
        sende meldinger, Apprec og valideringsfunn; READ gir lov til å lese status.
      </Paragraph>
      <Confirmation>{revoked && API_KEY_CHANGED_MESSAGES.revoked(revoked.name)}</Confirmation>
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
