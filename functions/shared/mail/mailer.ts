// Email: through SMTP when SMTP_URL is set; otherwise written to an outbox folder and
// the log, so a newcomer running locally can still click the verification link.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from '../http/logger';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** A simple HTML alternative of `text` (digests); the outbox keeps the text only. */
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export function createMailer(options: { smtpUrl?: string; from: string; outboxDir?: string; logger: Logger }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: options.from, ...mail });
      },
    };
  }
  return {
    async send(mail) {
      if (options.outboxDir) {
        mkdirSync(options.outboxDir, { recursive: true });
        const file = join(options.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomUUID().slice(0, 8)}.eml`);
        const headers = Object.entries(mail.headers ?? {}).map(([k, v]) => `${k}: ${v}\n`).join('');
        writeFileSync(file, `From: ${options.from}\nTo: ${mail.to}\nSubject: ${mail.subject}\n${headers}\n${mail.text}\n`);
      }
      options.logger.info('mail (outbox)', { to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
