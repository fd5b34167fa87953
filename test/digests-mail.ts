// A real SMTP server in the test process that a digest test can make fail on demand: down
// (every connection answered 421, as a server refusing service), refusing some recipients for
// good (550), or holding a message's final answer (to kill a worker in the middle of a send).
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { recipients } from "./mail.js";

export interface ControlledMailServer {
  url: string;
  messages: ParsedMail[];
  /** Envelope recipients of every accepted message, in order. */
  envelopes: string[][];
  down: boolean;
  /** Addresses answered 550 at RCPT TO. */
  refuse: Set<string>;
  /** Called when a message's data has arrived, before the server answers; return false to never answer. */
  onMessage: ((count: number) => boolean) | null;
  to(address: string): ParsedMail[];
  close(): Promise<void>;
}

export async function startControlledMailServer(): Promise<ControlledMailServer> {
  let received = 0;
  const box: ControlledMailServer = {
    url: "",
    messages: [],
    envelopes: [],
    down: false,
    refuse: new Set(),
    onMessage: null,
    to: (address) => box.messages.filter((m) => recipients(m).includes(address.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onConnect(_session, callback) {
      if (box.down) return callback(Object.assign(new Error("Service temporairement indisponible"), { responseCode: 421 }));
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (box.refuse.has(address.address.toLowerCase())) return callback(Object.assign(new Error("Boîte inconnue"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((m) => {
          received++;
          if (box.onMessage && !box.onMessage(received)) return; // never answered
          box.messages.push(m);
          box.envelopes.push(session.envelope.rcptTo.map((r) => r.address.toLowerCase()));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  box.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}/?ignoreTLS=true`;
  return box;
}
