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
import { Readable } from "node:stream";
import nodemailer from "nodemailer";
import type { DB } from "../db/create-db.js";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Display name shown with `to`; refused (HeaderInjectionError) when it holds a control character. */
  toName?: string;
  /** Extra headers (List-Unsubscribe...); names and values with CR, LF or NUL are refused. */
  headers?: Record<string, string>;
  /** A fixed Message-ID (`<…@host>`): a retried digest keeps its identity. */
  messageId?: string;
}

/** A header name, value or display name that could end the header and start another. */
export class HeaderInjectionError extends Error {
  constructor(what: string) {
    super(`Refused header: ${what} holds a line break or a control character`);
    this.name = "HeaderInjectionError";
  }
}

/** True when the text holds a C0 control character (CR, LF, NUL...) or DEL. */
function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c === 127) return true;
  }
  return false;
}

/**
 * How a delivery failed, for a sender that must never send twice (decision 0016):
 * - "temporary": the server did not take the message (no connection, a 4xx answer, or a
 *   failure before the message body left): safe to try again later;
 * - "permanent": refused for good (a 5xx answer, an invalid address, a refused header):
 *   trying again cannot help;
 * - "uncertain": the body was sent and no answer came back (connection lost, timeout): the
 *   server may or may not have taken it.
 */
export type DeliveryFailure = "temporary" | "permanent" | "uncertain";

export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly failure: DeliveryFailure,
    readonly responseCode: number | null,
  ) {
    super(message);
    this.name = "MailDeliveryError";
  }
}

/** Classifies a nodemailer error; `bodySent` tells whether the message body had started to leave. */
export function classifyMailError(error: unknown, bodySent: boolean): DeliveryFailure {
  if (error instanceof HeaderInjectionError) return "permanent";
  const e = error as { responseCode?: unknown; code?: unknown };
  const code = typeof e?.responseCode === "number" ? e.responseCode : null;
  if (code !== null && code >= 500) return "permanent";
  if (code !== null && code >= 400) return "temporary";
  // nodemailer's own checks of the envelope (an address it cannot use) happen before sending.
  if (e?.code === "EENVELOPE") return "permanent";
  return bodySent ? "uncertain" : "temporary";
}

function checkHeaders(m: MailMessage): Record<string, string> | undefined {
  if (m.toName !== undefined && hasControl(m.toName)) throw new HeaderInjectionError("the display name");
  if (!m.headers) return undefined;
  for (const [name, value] of Object.entries(m.headers)) {
    if (!/^[A-Za-z0-9-]{1,76}$/.test(name) || hasControl(value)) throw new HeaderInjectionError(`header ${JSON.stringify(name.slice(0, 40))}`);
  }
  return m.headers;
}

/**
 * The message for nodemailer, its text part a stream that records when it is first read:
 * nodemailer reads the body only once the server has said "354, go ahead" to DATA, so a
 * failure before that read left nothing with the server.
 */
function composeFor(from: string, m: MailMessage, state = { bodySent: false }) {
  const headers = checkHeaders(m);
  const text = new Readable({
    read() {
      state.bodySent = true;
      this.push(m.text);
      this.push(null);
    },
  });
  const to = m.toName ? { name: m.toName, address: m.to } : m.to;
  return { state, mail: { from, to, subject: headerSafe(m.subject), text, html: m.html, headers, ...(m.messageId ? { messageId: m.messageId } : {}) } };
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
        const state = { bodySent: false };
        try {
          await transport.sendMail(composeFor(opts.from, m, state).mail);
        } catch (error) {
          const responseCode = typeof (error as { responseCode?: unknown }).responseCode === "number" ? (error as { responseCode: number }).responseCode : null;
          throw new MailDeliveryError((error as Error).message ?? String(error), classifyMailError(error, state.bodySent), responseCode);
        }
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "outbox",
    async deliver(m) {
      const info = await transport.sendMail(composeFor(opts.from, m).mail);
      await fs.mkdir(opts.outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${crypto.randomBytes(4).toString("hex")}.eml`;
      await fs.writeFile(path.join(opts.outboxDir, name), info.message as Buffer);
    },
  };
}
