// E-mail, in two layers:
//  - a transport delivers one message now: SMTP when SMTP_URL is set, otherwise
//    (development) an .eml file in DATA_DIR/outbox, listed at /dev/outbox;
//  - the app's `Mailer` (deps.mailer, core/mail/queue.ts) only queues the message as a
//    durable job; the job worker hands it to the transport. A slow or hung mail server
//    therefore never holds a request, and every form answers in the same time whether or
//    not it sent a message.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { DB } from "../db/create-db.js";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export type MailKind = "smtp" | "outbox";

/** What callers use: queue a message. */
export interface Mailer {
  /**
   * Queues the message. Pass the caller's open transaction as `db` so the message exists
   * if and only if the change that needs it is committed.
   */
  send(message: MailMessage, db?: DB): Promise<void>;
  readonly kind: MailKind;
}

/** What the mail job uses: deliver a message now, or throw so the job is retried. */
export interface MailTransport {
  deliver(message: MailMessage): Promise<void>;
  readonly kind: MailKind;
}

/** Header values come from our templates, but a display name could carry CR/LF: strip them. */
function headerSafe(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

/**
 * nodemailer waits 2 minutes to connect, 30 s for the greeting and 10 minutes of silence
 * by default; a worker stuck that long delays every message behind it. A few seconds is
 * plenty for a submission server, and a failure is retried by the queue.
 */
export const SMTP_TIMEOUTS_MS = { connection: 5_000, greeting: 5_000, socket: 10_000 };

export function createMailTransport(opts: {
  smtpUrl: string | null;
  from: string;
  outboxDir: string;
  timeoutsMs?: Partial<typeof SMTP_TIMEOUTS_MS>;
}): MailTransport {
  if (opts.smtpUrl) {
    const t = { ...SMTP_TIMEOUTS_MS, ...opts.timeoutsMs };
    const transport = nodemailer.createTransport({
      url: opts.smtpUrl,
      connectionTimeout: t.connection,
      greetingTimeout: t.greeting,
      socketTimeout: t.socket,
    });
    return {
      kind: "smtp",
      async deliver(m) {
        await transport.sendMail({ from: opts.from, to: m.to, subject: headerSafe(m.subject), text: m.text, html: m.html });
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "outbox",
    async deliver(m) {
      const info = await transport.sendMail({ from: opts.from, to: m.to, subject: headerSafe(m.subject), text: m.text, html: m.html });
      await fs.mkdir(opts.outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${crypto.randomBytes(4).toString("hex")}.eml`;
      await fs.writeFile(path.join(opts.outboxDir, name), info.message as Buffer);
    },
  };
}
