// `npm run worker` (scripts/worker.ts) in real child processes on a PostgreSQL server, with a
// real SMTP server in the test process: a worker killed with SIGKILL in the middle of a send,
// then restarted, delivers the rest with no duplicate (the interrupted one is left "uncertain",
// never sent twice); two workers at once deliver every digest exactly once. PGlite serves one
// process only: these tests run on PostgreSQL (the postgres project) and are skipped on PGlite.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createSite, createTheme } from "../../../test/factories.js";
import { createSubscriber } from "../../../test/digests.js";
import { startControlledMailServer, type ControlledMailServer } from "../../../test/digests-mail.js";
import { createServerDatabase } from "../../../test/helpers.js";
import { loadConfig } from "../../config.js";
import type { DatabaseHandle } from "../../core/db/create-db.js";
import { openMigratedDatabase } from "../../core/db/open.js";

const onPostgres = process.env.TEST_DB === "postgres";

let smtp: ControlledMailServer;
let dataDir: string;
beforeAll(async () => {
  smtp = await startControlledMailServer();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-worker-"));
});
afterAll(async () => {
  await smtp?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

function startWorkerProcess(databaseUrl: string): { child: ChildProcess; exited: Promise<string> } {
  // A plain environment (not the test runner's, whose variables change how tsx compiles).
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: os.tmpdir(),
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtp.url,
    PUBLIC_URL: "https://portail.test",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    // as a deployment with a separate worker would set it: the test waits on deliveries, not on idle polls
    JOBS_POLL_MS: "200",
  };
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { cwd: process.cwd(), env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<string>((resolve) => child.on("exit", (code, signal) => resolve(`${signal ?? code} ${stderr}`)));
  return { child, exited };
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still not true: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A migrated database of its own with `count` residents due for a daily digest now, each with something new. */
async function world(count: number): Promise<{ url: string; handle: DatabaseHandle; emails: string[]; drop: () => Promise<void> }> {
  const server = await createServerDatabase("portail_digest_worker", { migrated: true });
  const handle = await openMigratedDatabase(loadConfig({ NODE_ENV: "test", DATABASE_URL: server.url, DATA_DIR: dataDir }), () => {});
  await createSite(handle.db, { site_name: "Ville d’Essai" });
  const theme = await createTheme(handle.db);
  // Before the earliest period the scheduler catches up (three hours back), so every run sees it.
  await createArticle(handle.db, { themeIds: [theme.id], publishedAt: new Date(Date.now() - 5 * 3600_000) });
  const emails: string[] = [];
  for (let i = 0; i < count; i++) emails.push((await createSubscriber(handle.db, { frequency: "daily", hour: 0, themeIds: [theme.id] })).email);
  return {
    url: server.url,
    handle,
    emails,
    drop: async () => {
      await handle.close();
      await server.drop();
    },
  };
}

const statuses = async (h: DatabaseHandle) => (await h.db.selectFrom("digest_deliveries").select("status").execute()).map((r) => r.status).sort();

describe.skipIf(!onPostgres)("npm run worker in separate processes (PostgreSQL)", () => {
  it("killed with SIGKILL during a send, then restarted: the rest delivered, nothing twice, the interrupted one uncertain", async () => {
    const w = await world(8);
    smtp.messages.length = 0;
    smtp.envelopes.length = 0;
    const first = startWorkerProcess(w.url);
    // The third message's data has arrived; the worker dies before the server answers.
    smtp.onMessage = (n) => {
      if (n !== 3) return true;
      first.child.kill("SIGKILL");
      return false;
    };
    try {
      expect(await first.exited).toMatch(/^SIGKILL/);
      expect(smtp.envelopes).toHaveLength(2);
      smtp.onMessage = null;
      const second = startWorkerProcess(w.url);
      try {
        await until(async () => (await statuses(w.handle)).filter((s) => s === "sent").length === 7, "seven digests sent");
        expect(await statuses(w.handle)).toEqual([...Array(7).fill("sent"), "sending"].sort());
        // Its lease running out (a minute later), the interrupted delivery is judged, not re-sent.
        await w.handle.db
          .updateTable("jobs")
          .set({ locked_until: new Date(Date.now() - 1000) })
          .where("kind", "=", "digests.send")
          .where("done_at", "is", null)
          .execute();
        await until(async () => (await statuses(w.handle)).includes("uncertain"), "the interrupted delivery judged");
        expect(await statuses(w.handle)).toEqual([...Array(7).fill("sent"), "uncertain"].sort());
      } finally {
        second.child.kill("SIGTERM");
        await second.exited;
      }
      const delivered = smtp.envelopes.flat();
      expect(delivered).toHaveLength(7);
      expect(new Set(delivered).size).toBe(7);
      expect(w.emails.filter((e) => delivered.includes(e))).toHaveLength(7);
    } finally {
      smtp.onMessage = null;
      await w.drop();
    }
  }, 120_000);

  it("two workers at once: every digest exactly once", async () => {
    const w = await world(20);
    smtp.messages.length = 0;
    smtp.envelopes.length = 0;
    const a = startWorkerProcess(w.url);
    const b = startWorkerProcess(w.url);
    try {
      await until(async () => (await statuses(w.handle)).filter((s) => s === "sent").length === 20, "twenty digests sent");
      const runs = await w.handle.db.selectFrom("jobs").select("unique_key").where("kind", "=", "digests.run").execute();
      expect(new Set(runs.map((r) => r.unique_key)).size).toBe(runs.length);
    } finally {
      a.child.kill("SIGTERM");
      b.child.kill("SIGTERM");
      await Promise.all([a.exited, b.exited]);
      await w.drop();
    }
    const delivered = smtp.envelopes.flat().sort();
    expect(delivered).toEqual([...w.emails].sort());
  }, 120_000);
});
