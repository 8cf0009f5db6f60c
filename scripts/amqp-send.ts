/**
 * Publishes one document to a queue, as a sender on NHN's Tjenestebuss would (`npm run amqp:send --
 * <file.xml> [--queue <name>] [--cms]`): AMQP 1.0 to AMQP_URL (default amqp://guest:guest@localhost:5672)
 * at /amq/queue/<name>, with the message-id (the document's MsgId, or an AppRec's Id), the content
 * type and NHN's application properties fromHerId, toHerId, cpaId and applicationTimeStamp.
 *
 * --cms signs the document with a demo sender certificate and encrypts it to a demo receiver
 * certificate (NHN's signed-then-enveloped CMS). The demo certificates (a CA, the sender, the
 * receiver) are made once under .data/amqp-cms/; the app opens such bodies when AMQP_CMS_* points at
 * them (the script says how). The queue defaults to the first of AMQP_QUEUES for the kind of document.
 *
 * Options: --queue <name>, --cms, --message-id <id>, --from-her-id <n>, --to-her-id <n>,
 * --cpa-id <uuid>, --url <amqp-url>.
 */
import { createPrivateKey, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Connection, type ConnectionOptions } from 'rhea-promise';
import { env } from '@/lib/core/env';
import {
  certificateToPem,
  issueCertificate,
  makeCertificateAuthority,
  makePkcs12,
  privateKeyToPem,
  sealCms,
} from '@/lib/transport/cms-seal';
import { readPemCertificates, type CmsCredential } from '@/lib/transport';

const DEMO_DIR = '.data/amqp-cms';
const DEMO_PASSPHRASE = 'kpr-demo';
const CMS_CONTENT_TYPE = 'application/pkcs7-mime; smime-type=signed-and-enveloped-data';
/** NHN's library sends unprotected XML as text/plain. */
const PLAIN_CONTENT_TYPE = 'text/plain';
const DEMO_CPA_ID = '00000000-0000-4000-8000-00000000c0a1';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    queue: { type: 'string' },
    cms: { type: 'boolean', default: false },
    'message-id': { type: 'string' },
    'from-her-id': { type: 'string' },
    'to-her-id': { type: 'string' },
    'cpa-id': { type: 'string', default: DEMO_CPA_ID },
    url: { type: 'string' },
  },
});

const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error('Usage: npm run amqp:send -- <file.xml> [--queue <name>] [--cms]');
  process.exit(2);
}

/** The demo's CA, sender and receiver: made on the first --cms run, read from .data/amqp-cms/ after. */
async function demoCertificates(): Promise<{ sender: CmsCredential; receiver: CmsCredential }> {
  const at = (name: string) => path.join(DEMO_DIR, name);
  if (!existsSync(at('receiver.p12'))) {
    await mkdir(DEMO_DIR, { recursive: true });
    const ca = await makeCertificateAuthority('CN=KPR-status demo-CA, O=KPR-status demo, C=NO');
    const sender = await issueCertificate(ca, 'CN=Demokommune EPJ, O=Demokommune, C=NO', 'signing');
    const receiver = await issueCertificate(ca, 'CN=KPR demo-mottak, O=Folkehelseinstituttet demo, C=NO', 'encryption');
    await writeFile(at('ca.pem'), certificateToPem(ca.certificate));
    await writeFile(at('sender.pem'), certificateToPem(sender.certificate));
    await writeFile(at('sender-key.pem'), privateKeyToPem(sender), { mode: 0o600 });
    await writeFile(at('receiver.pem'), certificateToPem(receiver.certificate));
    await writeFile(at('receiver-key.pem'), privateKeyToPem(receiver), { mode: 0o600 });
    await writeFile(at('receiver.p12'), await makePkcs12(receiver, DEMO_PASSPHRASE));
    await chmod(at('receiver.p12'), 0o600);
    console.log(`Made demo certificates in ${DEMO_DIR}/ (a CA, a sender and a receiver).`);
  }
  const credential = async (name: string): Promise<CmsCredential> => {
    const [certificate] = readPemCertificates(await readFile(at(`${name}.pem`), 'utf8'));
    if (!certificate) throw new Error(`${at(`${name}.pem`)} holds no certificate`);
    return { certificate, privateKey: createPrivateKey(await readFile(at(`${name}-key.pem`), 'utf8')) };
  };
  return { sender: await credential('sender'), receiver: await credential('receiver') };
}

const text = await readFile(file, 'utf8');
const isApprec = /<(\w+:)?AppRec[\s>]/.test(text);
const firstMatch = (pattern: RegExp) => pattern.exec(text)?.[1]?.trim();
/** The most specific HER-id inside MsgHead's Sender or Receiver: the service's (level 2) when given, else the organisation's. */
function herIdIn(name: string): string | undefined {
  const block = new RegExp(`<(?:\\w+:)?${name}>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(text)?.[1] ?? '';
  const ids = [...block.matchAll(/<(?:\w+:)?Id>(\d+)<\/(?:\w+:)?Id>\s*<(?:\w+:)?TypeId[^>]*V="HER"/g)];
  return ids.at(-1)?.[1];
}

const messageId =
  values['message-id'] ??
  (isApprec
    ? firstMatch(/<(?:\w+:)?Id>([^<]+)<\/(?:\w+:)?Id>/)
    : firstMatch(/<(?:\w+:)?MsgId>([^<]+)<\/(?:\w+:)?MsgId>/)) ??
  randomUUID();
const fromHerId = Number(values['from-her-id'] ?? herIdIn('Sender') ?? 0) || undefined;
const toHerId = Number(values['to-her-id'] ?? herIdIn('Receiver') ?? 122612) || undefined;
const queue =
  values.queue ?? env.AMQP_QUEUES.find((candidate) => candidate.kind === (isApprec ? 'apprecs' : 'messages'))?.name;
if (!queue) {
  console.error('No queue: give --queue <name>, or list one in AMQP_QUEUES.');
  process.exit(2);
}

let body: Uint8Array = Buffer.from(text, 'utf8');
if (values.cms) {
  const { sender, receiver } = await demoCertificates();
  body = await sealCms(body, { signer: sender, recipient: receiver.certificate });
}

const url = new URL(values.url ?? env.AMQP_URL ?? 'amqp://guest:guest@localhost:5672');
const secure = url.protocol === 'amqps:';
const connection = new Connection({
  host: url.hostname,
  hostname: url.hostname,
  port: Number(url.port || (secure ? 5671 : 5672)),
  username: decodeURIComponent(url.username || 'guest'),
  password: decodeURIComponent(url.password || 'guest'),
  reconnect: false,
  operationTimeoutInSeconds: 20,
  ...(secure && {
    transport: 'tls',
    servername: url.hostname,
    ca: env.AMQP_TLS_CA_FILE ? await readFile(env.AMQP_TLS_CA_FILE) : undefined,
    cert: env.AMQP_TLS_CERT_FILE ? await readFile(env.AMQP_TLS_CERT_FILE) : undefined,
    key: env.AMQP_TLS_KEY_FILE ? await readFile(env.AMQP_TLS_KEY_FILE) : undefined,
    passphrase: env.AMQP_TLS_KEY_PASSPHRASE,
  }),
} as ConnectionOptions);

const where = `${url.protocol}//${url.host}/amq/queue/${queue}`;
try {
  await connection.open();
  // RabbitMQ accepts, and drops, a message to a queue that does not exist: a receiver link without
  // credit is refused for a missing queue, so it checks first.
  try {
    const probe = await connection.createReceiver({ source: { address: `/amq/queue/${queue}` }, credit_window: 0 });
    await probe.close();
  } catch (error) {
    throw new Error(`the queue ${queue} does not exist (${error instanceof Error ? error.message : String(error)})`);
  }
  const sender = await connection.createAwaitableSender({ target: { address: `/amq/queue/${queue}` } });
  await sender.send(
    {
      message_id: messageId,
      durable: true,
      content_type: values.cms ? CMS_CONTENT_TYPE : PLAIN_CONTENT_TYPE,
      creation_time: new Date(),
      // A data section: the bytes as they are.
      body: { typecode: 0x75, content: Buffer.from(body) } as unknown as string,
      application_properties: {
        ...(fromHerId && { fromHerId }),
        ...(toHerId && { toHerId }),
        cpaId: values['cpa-id']!,
        applicationTimeStamp: new Date().toISOString(),
      },
    },
    { timeoutInSeconds: 30 },
  );
  console.log(
    `Sent ${path.basename(file)} (${values.cms ? 'CMS signed and encrypted' : 'plain XML'}, ${body.byteLength} bytes, message-id ${messageId}) to ${where}.`,
  );
  if (values.cms) {
    console.log(
      `For the app to open it: AMQP_CMS_KEY=${DEMO_DIR}/receiver-key.pem AMQP_CMS_CERT=${DEMO_DIR}/receiver.pem ` +
        `AMQP_CMS_TRUST_ANCHORS=${DEMO_DIR}/ca.pem (or AMQP_CMS_PKCS12=${DEMO_DIR}/receiver.p12 AMQP_CMS_PASSPHRASE=${DEMO_PASSPHRASE}).`,
    );
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Could not send to ${where}: ${message}`);
  if (/does not exist|not.?found/i.test(message))
    console.error(`Declare the queue ${queue} on the broker first (see the README).`);
  process.exitCode = 1;
} finally {
  await connection.close().catch(() => {});
}
