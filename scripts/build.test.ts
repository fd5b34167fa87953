// The production build serves the site with plain node: no TypeScript loader, no esbuild
// at run time, assets read from the build. Built inside the repository (node_modules/.cache)
// so the bundle resolves its external packages as dist/ does.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "./build.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "node_modules/.cache/portail-build-test");
let server: ChildProcess | null = null;
let dataDir = "";

afterAll(async () => {
  server?.kill("SIGTERM");
  await fs.rm(out, { recursive: true, force: true });
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

describe("npm run build", () => {
  it("builds a server that plain node runs, with migrations and fingerprinted assets", { timeout: 180_000 }, async () => {
    await build(out);
    const files = await fs.readdir(out);
    expect(files).toEqual(expect.arrayContaining(["server.js", "migrations", "assets"]));
    const bundle = await fs.readFile(path.join(out, "server.js"), "utf8");
    expect(bundle).not.toMatch(/from "esbuild"|from "tsx"/);

    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-built-"));
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: os.tmpdir(),
      NODE_ENV: "development",
      DATA_DIR: dataDir,
      PORT: "0",
      SEED_ON_EMPTY: "false",
      LOG_LEVEL: "warn",
    };
    server = spawn(process.execPath, [path.join(out, "server.js")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (d: Buffer) => {
        output += d.toString();
        const m = /Prêt en [\d.]+ s : (http:\/\/[^\s]+)/.exec(output);
        if (m) resolve(m[1]!.replace(/\/$/, ""));
      };
      server!.stdout!.on("data", onData);
      server!.stderr!.on("data", onData);
      server!.on("exit", (code) => reject(new Error(`server exited (${code}): ${output}`)));
    });
    const home = await fetch(`${url}/`);
    expect(home.status).toBe(200);
    const html = await home.text();
    const assets = [...html.matchAll(/\/static\/[a-z]+\.[0-9a-f]{12}\.(?:css|js)/g)].map((m) => m[0]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const a of new Set(assets)) {
      const res = await fetch(`${url}${a}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });
});
