/**
 * The demo's API key (INGEST and READ) with the value of DEMO_API_KEY, so the API can be tried at
 * once. Created once; an existing key with that value is left as it is (a revoked demo key stays
 * revoked). Only on a database the launcher created: anything else is refused.
 */
import type { PrismaClient } from '@/lib/db/client';
import { apiKeyPrefix, hashApiKey } from './api-keys';

export async function provisionDemoApiKey(
  prisma: PrismaClient,
  secret: string,
  demoDatabase: boolean,
): Promise<boolean> {
  if (!demoDatabase) throw new Error('DEMO_API_KEY is only provisioned on the demo database (DEMO_DATABASE=yes).');
  const created = await prisma.apiKey.createMany({
    data: [
      {
        name: 'Demo-nøkkel (DEMO_API_KEY)',
        scopes: ['INGEST', 'READ'],
        prefix: apiKeyPrefix(secret),
        hash: hashApiKey(secret),
        demo: true,
      },
    ],
    skipDuplicates: true,
  });
  return created.count > 0;
}
