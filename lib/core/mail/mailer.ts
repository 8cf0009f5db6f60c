/**
 * Sending mail: nodemailer over SMTP (SMTP_URL, MAIL_FROM). In the demo and in the tests the SMTP
 * server is the local capture server (capture-server.ts), never a mocked transport.
 */
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  /** Sends one mail; resolves with its Message-ID, rejects with the server's answer. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, ...mail });
      return { messageId: info.messageId };
    },
    close() {
      transport.close();
    },
  };
}
