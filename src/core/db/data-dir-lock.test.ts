// One process per embedded database: a second opener (server or CLI) is refused at once with
// a French message, a stale lock left by a dead process is taken over, and nothing written
// by the holder is lost.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migratedDataDir } from "../../../test/helpers.js";
import { createDatabase } from "./create-db.js";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
let dataDir: string;

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-lock-"));
});
afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe("lockDataDir", () => {
  it("refuses a second holder while the first lives, and frees the lock on release", async () => {
    const lockPath = path.join(dataDir, "pglite.lock");
    const release = await lockDataDir(lockPath);
    const refused = await lockDataDir(lockPath).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as Error).message).toMatch(/déjà ouverte par un autre processus \(pid \d+/);
    expect((refused as Error).message).toContain(lockPath);
    await release();
    await expect(fs.access(lockPath)).rejects.toThrow();
    const again = await lockDataDir(lockPath);
    await again();
  });

  it("takes over a lock left by a process that is gone", async () => {
    const lockPath = path.join(dataDir, "pglite.lock");
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const deadPid = Number(dead.stdout);
    expect(deadPid).toBeGreaterThan(0);
    await fs.writeFile(lockPath, JSON.stringify({ pid: deadPid, host: os.hostname() }));
    const release = await lockDataDir(lockPath);
    expect(JSON.parse(await fs.readFile(lockPath, "utf8"))).toMatchObject({ pid: process.pid });
    await release();
  });

  it("treats a half-written lock file as stale", async () => {
    const lockPath = path.join(dataDir, "pglite.lock");
    await fs.writeFile(lockPath, "");
    const release = await lockDataDir(lockPath);
    await release();
  });
});

describe("createDatabase on PGlite", () => {
  it("a second open of the same folder fails, and the first holder's writes survive", { timeout: 60_000 }, async () => {
    await migratedDataDir(dataDir);
    const first = await createDatabase({ databaseUrl: null, dataDir });
    await sql`create table notes (body text)`.execute(first.db);
    await sql`insert into notes values ('écrit par le serveur')`.execute(first.db);
    await expect(createDatabase({ databaseUrl: null, dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
    await first.close();

    const second = await createDatabase({ databaseUrl: null, dataDir });
    try {
      const rows = await sql<{ body: string }>`select body from notes`.execute(second.db);
      expect(rows.rows).toEqual([{ body: "écrit par le serveur" }]);
    } finally {
      await second.close();
    }
  });

  it("a CLI command run while the folder is held stops with the French explanation and writes nothing", { timeout: 120_000 }, async () => {
    await migratedDataDir(dataDir);
    const held = await createDatabase({ databaseUrl: null, dataDir });
    try {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const env = { PATH: process.env.PATH ?? "", HOME: os.tmpdir(), NODE_ENV: "test", DATA_DIR: dataDir };
        const child = spawn(process.execPath, ["--import", "tsx", "scripts/create-admin.ts", "--email", "dsi@ville.test"], { cwd: root, env, stdio: "pipe" });
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stderr }));
        child.stdin.end("une longue phrase pour la mairie annexe\n");
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/déjà ouverte par un autre processus/);
      expect(result.stderr).toMatch(/arrêtez le serveur/);
    } finally {
      await held.close();
    }
  });
});
