// /dev/outbox shows live reset links: only to this machine, never in production, and the
// TCP peer decides (a forwarded header does not).
import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createSite } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";

const LINK = "https://portail.test/compte/reinitialiser?jeton=secret-de-reinitialisation-123";
let w: TestWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

async function world(env: Record<string, string>) {
  w = await createTestWorld({ env: { LOG_LEVEL: "silent", ...env } });
  await createSite(w.db);
  await fs.mkdir(path.join(w.dataDir, "outbox"), { recursive: true });
  await fs.writeFile(path.join(w.dataDir, "outbox", "2026-12-05-reset.eml"), `To: alice@exemple.fr\nSubject: Mot de passe\n\n${LINK}\n`);
  return w;
}

const outbox = (app: TestWorld["app"], remoteAddress: string, headers: Record<string, string> = {}) =>
  app.inject({ method: "GET", url: "/dev/outbox", remoteAddress, headers });

describe("/dev/outbox", () => {
  it("lists the messages to a loopback peer in development", async () => {
    const { app } = await world({ NODE_ENV: "development" });
    for (const peer of ["127.0.0.1", "127.0.0.53", "::1", "::ffff:127.0.0.1"]) {
      const res = await outbox(app, peer);
      expect(res.statusCode, peer).toBe(200);
      expect(res.body).toContain(LINK);
      expect(res.headers["cache-control"]).toBe("no-store");
    }
  });

  it("does not exist for a peer on the LAN or the internet in development", async () => {
    const { app } = await world({ NODE_ENV: "development" });
    for (const peer of ["192.168.1.20", "10.0.0.7", "203.0.113.9", "::ffff:192.168.1.20", "fe80::1"]) {
      const res = await outbox(app, peer);
      expect(res.statusCode, peer).toBe(404);
      expect(res.body).not.toContain("jeton=");
    }
  });

  it("ignores X-Forwarded-For, even when a proxy is trusted", async () => {
    for (const trust of ["1", "10.0.0.0/8,192.168.0.0/16"]) {
      const { app } = await world({ NODE_ENV: "development", TRUST_PROXY: trust });
      for (const forwarded of ["127.0.0.1", "::1", "203.0.113.9, 127.0.0.1"]) {
        const res = await outbox(app, "192.168.1.20", { "x-forwarded-for": forwarded });
        expect(res.statusCode, `${trust} ${forwarded}`).toBe(404);
        expect(res.body).not.toContain("jeton=");
      }
      await w!.close();
      w = undefined;
    }
  });

  it("does not exist in production, even from loopback", async () => {
    const { app } = await world({ NODE_ENV: "production", SMTP_URL: "smtp://u:p@127.0.0.1:9" });
    const res = await outbox(app, "127.0.0.1");
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain("jeton=");
  });
});
