// A real SMTP server in the test process: the app sends through nodemailer over SMTP,
// and tests read what was received, parsed by mailparser.
import net, { type AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface MailBox {
  url: string;
  messages: ParsedMail[];
  /** Waits for a message to `to` (and matching `subject`), returns the newest such. */
  waitFor(to: string, subject?: RegExp, timeoutMs?: number): Promise<ParsedMail>;
  to(address: string): ParsedMail[];
  close(): Promise<void>;
}

export function recipients(m: ParsedMail): string[] {
  const list = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
  return list.flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()));
}

export async function startMailServer(): Promise<MailBox> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((m) => {
          messages.push(m);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const to = (address: string) => messages.filter((m) => recipients(m).includes(address.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}/?ignoreTLS=true`,
    messages,
    to,
    async waitFor(address, subject, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = to(address).filter((m) => !subject || subject.test(m.subject ?? ""));
        if (found.length > 0) return found[found.length - 1]!;
        if (Date.now() > deadline) throw new Error(`No e-mail to ${address}${subject ? ` matching ${subject}` : ""}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link to the portal in a message's plain text. */
export function linkIn(m: ParsedMail, pathPrefix: string): string {
  const match = new RegExp(`https?://[^\\s]+${pathPrefix.replace(/[/?]/g, "\\$&")}[^\\s]*`).exec(m.text ?? "");
  if (!match) throw new Error(`No ${pathPrefix} link in: ${m.text}`);
  return match[0];
}

export interface HungMailServer {
  url: string;
  /** Connections made so far (each one held without a word until `repair`). */
  readonly connections: number;
  /** From now on, new connections are relayed to a working server. */
  repair(to: MailBox): void;
  close(): Promise<void>;
}

/**
 * A mail server that accepts the TCP connection and never says anything (no greeting), as
 * a hung or overloaded server does, until `repair` makes it relay to a real one.
 */
export async function startHungMailServer(): Promise<HungMailServer> {
  let target: number | null = null;
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    if (target === null) return; // hold it, silent
    const upstream = net.connect(target, "127.0.0.1");
    upstream.on("error", () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}/?ignoreTLS=true`,
    get connections() {
      return connections;
    },
    repair(to) {
      target = Number(new URL(to.url).port);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
