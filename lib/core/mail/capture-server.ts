/**
 * A local SMTP server that accepts every mail and keeps it: for the demo (the launcher starts one
 * when SMTP_URL is unset and keeps each mail as an .eml file) and for tests (which read the raw
 * mails and can make it refuse them). It listens on 127.0.0.1 only, without TLS or login.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface CapturedMail {
  from: string | null;
  to: string[];
  /** The message as received (RFC 5322). */
  raw: Buffer;
  /** Where it was written, when the server keeps files. */
  file: string | null;
}

export interface CaptureServer {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  /** Every mail accepted, oldest first. */
  mails: CapturedMail[];
  /** Refuse every mail from now on with this SMTP reply (e.g. a 451 "try again later"), or accept again with null. */
  refuse(reply: { code: number; message: string } | null): void;
  stop(): Promise<void>;
}

export interface CaptureServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Keep each mail as an .eml file in this folder. */
  dir?: string;
  /** Called with one line per mail accepted. */
  log?: (line: string) => void;
}

const address = (value: SMTPServerAddress | false) => (value ? value.address : null);

export async function startCaptureServer(options: CaptureServerOptions = {}): Promise<CaptureServer> {
  const mails: CapturedMail[] = [];
  let refusal: { code: number; message: string } | null = null;
  if (options.dir) await mkdir(options.dir, { recursive: true });

  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'KPR-status mail capture',
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        if (refusal) {
          callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
          return;
        }
        const raw = Buffer.concat(chunks);
        const to = session.envelope.rcptTo.map((recipient) => recipient.address);
        const file = options.dir
          ? path.join(options.dir, `${new Date().toISOString().replaceAll(':', '-')}-${session.id}.eml`)
          : null;
        const keep = file ? writeFile(file, raw) : Promise.resolve();
        keep.then(
          () => {
            mails.push({ from: address(session.envelope.mailFrom), to, raw, file });
            options.log?.(`Mail to ${to.join(', ')} captured${file ? ` in ${file}` : ''}`);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuse(reply) {
      refusal = reply;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
