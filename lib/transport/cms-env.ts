/**
 * Our CMS keys from the environment (AMQP_CMS_*: lib/core/env.ts), loaded once per process; null when
 * CMS is not configured, and then a CMS body is refused with a reason saying so (body.ts).
 */
import { readFile } from 'node:fs/promises';
import { env } from '../core/env';
import { loadCmsKeys, type CmsKeys } from './cms';

let loading: Promise<CmsKeys | null> | undefined;

export function cmsKeysFromEnv(): Promise<CmsKeys | null> {
  loading ??= loadFromEnv();
  return loading;
}

async function loadFromEnv(): Promise<CmsKeys | null> {
  const { AMQP_CMS_PKCS12, AMQP_CMS_PASSPHRASE, AMQP_CMS_KEY, AMQP_CMS_CERT, AMQP_CMS_TRUST_ANCHORS } = env;
  if (!AMQP_CMS_PKCS12 && !AMQP_CMS_KEY) return null;
  const trustAnchorsPem = await pemText(AMQP_CMS_TRUST_ANCHORS ?? '', true);
  if (AMQP_CMS_PKCS12) {
    const pkcs12 = new Uint8Array(await readFile(AMQP_CMS_PKCS12));
    return loadCmsKeys({ receiver: { pkcs12, passphrase: AMQP_CMS_PASSPHRASE ?? '' }, trustAnchorsPem });
  }
  return loadCmsKeys({
    receiver: {
      keyPem: await pemText(AMQP_CMS_KEY!, false),
      certificatePem: await pemText(AMQP_CMS_CERT!, false),
      passphrase: AMQP_CMS_PASSPHRASE,
    },
    trustAnchorsPem,
  });
}

/** A variable holding PEM text itself, or a file path (several, comma-separated, when `many`). */
async function pemText(value: string, many: boolean): Promise<string> {
  if (value.trimStart().startsWith('-----BEGIN')) return value;
  const paths = many
    ? value
        .split(',')
        .map((path) => path.trim())
        .filter(Boolean)
    : [value];
  const texts = await Promise.all(paths.map((path) => readFile(path, 'utf8')));
  return texts.join('\n');
}
