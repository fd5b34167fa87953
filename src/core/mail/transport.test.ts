// The SMTP transport's failures, as a sender that must never send twice needs them
// (decision 0016): refused before the body left (temporary), refused for good (permanent), or
// the body sent and no answer (uncertain); and headers that could start another header refused.
import net, { type AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailTransport, HeaderInjectionError, MailDeliveryError, type MailMessage } from "./mailer.js";

type Mode = "ok" | "down" | "refuse" | "drop-after-data";
let mode: Mode = "ok";
let received = 0;
let server: SMTPServer;
let url = "";

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onConnect(_s, cb) {
      if (mode === "down") return cb(Object.assign(new Error("Service indisponible"), { responseCode: 421 }));
      cb();
    },
    onRcptTo(_a, _s, cb) {
      if (mode === "refuse") return cb(Object.assign(new Error("Boîte inconnue"), { responseCode: 550 }));
      cb();
    },
    onData(stream, _session, cb) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        // The whole message has arrived and no answer ever comes (the client's socket timeout).
        if (mode !== "drop-after-data") cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}/?ignoreTLS=true`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const message = (extra: Partial<MailMessage> = {}): MailMessage => ({
  to: "a@exemple.fr",
  subject: "Essai",
  text: "Bonjour",
  html: "<p>Bonjour</p>",
  ...extra,
});
const transport = () =>
  createMailTransport({
    smtpUrl: url,
    from: "Portail <p@exemple.fr>",
    outboxDir: "/nonexistent",
    timeoutsMs: { connection: 1000, greeting: 1000, socket: 1000 },
  });

async function failure(m: MailMessage): Promise<MailDeliveryError> {
  try {
    await transport().deliver(m);
  } catch (error) {
    expect(error).toBeInstanceOf(MailDeliveryError);
    return error as MailDeliveryError;
  }
  throw new Error("delivered");
}

describe("SMTP transport failures", () => {
  it("delivers, with extra headers and a fixed Message-ID", async () => {
    mode = "ok";
    const before = received;
    await transport().deliver(message({ headers: { "List-Unsubscribe": "<https://p.test/x>" }, messageId: "<digest-1@p.test>" }));
    expect(received).toBe(before + 1);
  });

  it("a server refusing service (421) before the body is temporary; a 550 recipient is permanent", async () => {
    mode = "down";
    expect(await failure(message())).toMatchObject({ failure: "temporary", responseCode: 421 });
    mode = "refuse";
    expect(await failure(message())).toMatchObject({ failure: "permanent", responseCode: 550 });
  });

  it("no server at all (connection refused, no answer code) is temporary: the body never left", async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const closed = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}/?ignoreTLS=true`, from: "p@exemple.fr", outboxDir: "/nonexistent" });
    const e = await closed.deliver(message()).then(
      () => null,
      (error: unknown) => error,
    );
    expect(e).toMatchObject({ failure: "temporary", responseCode: null });
  });

  it("no answer after the body was sent (a timeout, as a lost connection) is uncertain", async () => {
    mode = "drop-after-data";
    const before = received;
    const e = await failure(message());
    expect(received).toBe(before + 1);
    expect(e.failure).toBe("uncertain");
  });

  it("refuses a display name or a header holding a line break, before connecting (permanent)", async () => {
    mode = "ok";
    const before = received;
    for (const m of [
      message({ toName: "Eve\r\nBcc: x@evil.test" }),
      message({ headers: { "X-Test": "a\nBcc: x@evil.test" } }),
      message({ headers: { "X Bad": "a" } }),
    ]) {
      const e = await failure(m);
      expect(e.failure).toBe("permanent");
    }
    expect(received).toBe(before);
    expect(new HeaderInjectionError("x").name).toBe("HeaderInjectionError");
  });
});
