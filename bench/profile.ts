// Where a request's CPU goes: a CPU profile of the production server under load, summed.
//
//   npm run bench:profile -- --path "/recherche?q=emploi"            PGlite, page cache on
//   npm run bench:profile -- --path /actualites/... --no-page-cache   every request rendered
//   BENCH_DATABASE_URL=postgres://... npm run bench:profile -- --path / --seconds 10
//   npm run bench:profile -- --path / --signed-in                    a resident with interests and favourites
//
// Builds the production bundle, seeds the demo into a fresh database (a scratch database on
// the server when BENCH_DATABASE_URL or DATABASE_URL is set), starts `node --cpu-prof
// dist/server.js` pinned to CPU 0, drives the path for --seconds with 50 connections from the
// load runner (bench/load.ts) on CPU 1, stops the server (SIGTERM: it exits and Node writes
// the profile) and prints the self time by package or source file and the costliest
// functions, as a share of the profiled time. With --path "" the first article is used.
// The raw profile stays in the printed folder, for `chrome://inspect` or speedscope.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { seedDemo } from "../demo/seed.js";
import { build } from "../scripts/build.js";
import { connectPostgres, createDatabase } from "../src/core/db/create-db.js";
import { migrateToLatest } from "../src/core/db/migrator.js";
import { createBenchResident, freePort, pin, productionServerEnv, waitFor, withScratchDatabase } from "./support.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: args } = parseArgs({
  options: {
    path: { type: "string", default: "" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    "no-page-cache": { type: "boolean", default: false },
    "signed-in": { type: "boolean", default: false },
    top: { type: "string", default: "25" },
  },
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per package (node_modules), per source file of the app, per Node internal. */
export function summarise(profile: CpuProfile, top: number, skipUs = 0): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let total = 0;
  let elapsed = 0;
  profile.samples.forEach((id, i) => {
    const d = profile.timeDeltas[i] ?? 0;
    elapsed += d;
    if (elapsed < skipUs) return; // the start: modules, schemas, database check
    total += d;
    selfUs.set(id, (selfUs.get(id) ?? 0) + d);
  });
  const where = (url: string, name: string) => {
    if (!url) return `(${name || "native"})`;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (pkg) return `package ${pkg[1]}`;
    if (url.startsWith("node:")) return url;
    if (url.startsWith("wasm://")) return "WebAssembly (PGlite)";
    return path.relative(ROOT, fileURLToPath(url.startsWith("file:") ? url : `file://${url}`));
  };
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const f = byId.get(id)!.callFrame;
    const place = where(f.url, f.functionName);
    byPlace.set(place, (byPlace.get(place) ?? 0) + us);
    const fn = `${f.functionName || "(anonymous)"} ${place}:${f.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `| ${((100 * us) / total).toFixed(1)} % | ${(us / 1000).toFixed(0)} ms | ${k} |`);
  return [
    `Profiled ${(total / 1e6).toFixed(1)} s of the server's main thread under load (its start left out).`,
    "",
    "| share | self time | where |",
    "|---|---|---|",
    ...rows(byPlace),
    "",
    "| share | self time | function |",
    "|---|---|---|",
    ...rows(byFunction),
  ];
}

async function profileOn(databaseUrl: string | null): Promise<string[]> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-profile-"));
  const profileDir = path.join(dataDir, "profile");
  const handle = databaseUrl ? connectPostgres(databaseUrl, 2, { statementMs: 0 }) : await createDatabase({ databaseUrl: null, dataDir });
  await migrateToLatest(handle.db);
  await seedDemo(handle.db, { mediaDir: path.join(dataDir, "media") });
  const article = await handle.db
    .selectFrom("content_items")
    .select("path")
    .where("kind", "=", "article")
    .where("status", "=", "published")
    .orderBy("published_at", "desc")
    .executeTakeFirstOrThrow();
  // A resident with three interests, two places and ten favourites, signed in (as in the bench).
  let cookie: string | undefined;
  if (args["signed-in"]) {
    cookie = `portail_session=${(await createBenchResident(handle.db, { email: "habitante@profil.test", favourites: 10 })).token}`;
  }
  await handle.close();

  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...productionServerEnv({ port, dataDir, databaseUrl }),
    TRUST_PROXY: "loopback",
    ...(args["no-page-cache"] ? { PAGE_CACHE_ENTRIES: "0" } : {}),
  };
  delete env.LOG_LEVEL;
  const [cmd, argv] = pin(0, [process.execPath, "--cpu-prof", `--cpu-prof-dir=${profileDir}`, path.join(ROOT, "dist/server.js")]);
  const spawnedAt = Date.now();
  const server = spawn(cmd, argv, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  await waitFor(server, /Prêt en/, "server");
  const loadAt = Date.now();
  server.stdout?.resume();
  server.stderr?.resume();
  const target = args.path || article.path;
  const spec = {
    url: `http://127.0.0.1:${port}${target}`,
    connections: Number(args.connections),
    seconds: Number(args.seconds),
    clients: 5000,
    ...(cookie ? { headers: { cookie } } : {}),
  };
  const [lcmd, largv] = pin(1, [process.execPath, "--import", "tsx", path.join(ROOT, "bench/load.ts"), JSON.stringify(spec)]);
  const load = spawn(lcmd, largv, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  load.stdout.on("data", (d) => {
    out += d;
  });
  await new Promise((resolve) => load.on("exit", resolve));
  const result = JSON.parse(out.trim().split("\n").pop() ?? "{}") as { rps?: number; p99?: number; ok?: number; non2xx?: number };
  await new Promise<void>((resolve) => {
    server.once("exit", () => resolve());
    server.kill("SIGTERM");
  });
  const file = (await fs.readdir(profileDir)).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no profile written in ${profileDir}`);
  const profile = JSON.parse(await fs.readFile(path.join(profileDir, file), "utf8")) as CpuProfile;
  return [
    `### ${databaseUrl ? "postgres" : "pglite"}: ${target}${args["no-page-cache"] ? " (page cache off)" : ""}${cookie ? " (signed in)" : ""}`,
    "",
    `${Math.round(result.rps ?? 0)} req/s, p99 ${result.p99} ms, ${result.ok} answered 2xx, ${result.non2xx} other; profile: ${path.join(profileDir, file)}`,
    "",
    ...summarise(profile, Number(args.top), (loadAt - spawnedAt) * 1000),
  ];
}

process.stdout.write("[profile] building the production server…\n");
await build();
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
const lines = pgUrl ? await withScratchDatabase(pgUrl, "portail_profile", (url) => profileOn(url)) : await profileOn(null);
process.stdout.write(`${lines.join("\n")}\n`);
