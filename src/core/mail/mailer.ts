// Sends e-mail through SMTP when SMTP_URL is set; otherwise (development) writes each
// message as an .eml file in DATA_DIR/outbox, listed at /dev/outbox.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  readonly kind: "smtp" | "outbox";
}

/** Header values come from our templates, but a display name could carry CR/LF: strip them. */
function headerSafe(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

export function createMailer(opts: { smtpUrl: string | null; from: string; outboxDir: string }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      kind: "smtp",
      async send(m) {
        await transport.sendMail({ from: opts.from, to: m.to, subject: headerSafe(m.subject), text: m.text, html: m.html });
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "outbox",
    async send(m) {
      const info = await transport.sendMail({ from: opts.from, to: m.to, subject: headerSafe(m.subject), text: m.text, html: m.html });
      await fs.mkdir(opts.outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${crypto.randomBytes(4).toString("hex")}.eml`;
      await fs.writeFile(path.join(opts.outboxDir, name), info.message as Buffer);
    },
  };
}
