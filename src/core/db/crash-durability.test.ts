// SIGKILL in the middle of a burst of writes on the embedded database: every write the
// server acknowledged is there after a restart (which also takes over the dead process's
// data-folder lock). A real server process, driven over HTTP.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { migratedDataDir } from "../../../test/helpers.js";
import { createDatabase } from "./create-db.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
let dataDir = "";
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: os.tmpdir(),
    NODE_ENV: "development",
    DATA_DIR: dataDir,
    PORT: "0",
    SEED_ON_EMPTY: "false",
    LOG_LEVEL: "warn",
  };
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /Prêt en [\d.]+ s : (http:\/\/[^\s]+)/.exec(output);
      if (m) resolve({ child, url: m[1]!.replace(/\/$/, "") });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
}

async function signUp(url: string, email: string): Promise<boolean> {
  const form = await fetch(`${url}/compte/creer`);
  const cookie = (form.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
  const body = new URLSearchParams({ _csrf: csrf, email, password: "une phrase solide pour la durabilité", displayName: "Durable" });
  const res = await fetch(`${url}/compte/creer`, {
    method: "POST",
    body,
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  return res.status === 303 && (res.headers.get("location") ?? "").startsWith("/compte/creer/merci");
}

describe("SIGKILL during a burst of writes (PGlite)", () => {
  it("keeps every acknowledged write", { timeout: 240_000 }, async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-crash-"));
    await migratedDataDir(dataDir);
    const { child, url } = await startServer();
    const acknowledged: string[] = [];
    let killed = false;
    // Ten sign-ups at once (the per-IP limit is ten an hour); the process is killed as soon
    // as half of them are acknowledged, with the others still in flight.
    const burst = Array.from({ length: 10 }, (_, i) => `rafale-${i}@ville.test`).map(async (email) => {
      try {
        if (await signUp(url, email)) {
          acknowledged.push(email);
          if (acknowledged.length >= 5 && !killed) {
            killed = true;
            child.kill("SIGKILL");
          }
        }
      } catch {
        // connection reset by the kill: not acknowledged
      }
    });
    await Promise.all(burst);
    if (!killed) child.kill("SIGKILL");
    await new Promise((r) => setTimeout(r, 200));
    expect(acknowledged.length).toBeGreaterThanOrEqual(5);

    // The dead process's lock is stale: a new opener takes it over and finds every acknowledged row.
    const handle = await createDatabase({ databaseUrl: null, dataDir });
    try {
      const rows = await handle.db.selectFrom("users").select("email").where("email", "like", "rafale-%").execute();
      const stored = new Set(rows.map((r) => r.email));
      for (const email of acknowledged) expect(stored.has(email), email).toBe(true);
      console.log(`[crash] ${acknowledged.length} acknowledged sign-ups, ${stored.size} stored after SIGKILL`);
    } finally {
      await handle.close();
    }
  });
});
