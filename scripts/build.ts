// npm run build: the production build, run by plain `node` afterwards.
//   dist/server.js     the server, bundled from src/server.ts (npm packages stay external:
//                      PGlite, sharp and argon2 load their own WASM and native files)
//   dist/migrations/   the SQL migrations, read by the bundled migrator beside itself
//   dist/assets/       client scripts and stylesheets, compiled and fingerprinted once,
//                      with manifest.json (the server reads them instead of compiling)
// --if-needed (used by `npm start`) skips the work when dist/ is newer than every source file.
import { migrationFiles } from "../src/core/db/migrator.js";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compileAssets, writeAssets } from "../src/core/http/assets.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(ROOT, "dist");
const STAMP = path.join(DIST, ".built");

async function newestSource(): Promise<number> {
  let newest = 0;
  for (const dir of ["src", "demo", "package-lock.json"]) {
    const full = path.join(ROOT, dir);
    const stat = await fs.stat(full);
    if (!stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      continue;
    }
    for (const entry of await fs.readdir(full, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      newest = Math.max(newest, (await fs.stat(path.join(entry.parentPath, entry.name))).mtimeMs);
    }
  }
  return newest;
}

async function upToDate(): Promise<boolean> {
  const built = await fs.stat(STAMP).catch(() => null);
  return built !== null && built.mtimeMs >= (await newestSource());
}

export async function build(dist = DIST): Promise<void> {
  const started = Date.now();
  // esbuild is a development dependency: a production install (npm ci --omit=dev) runs a
  // dist/ built beforehand and never gets here.
  const esbuild = await import("esbuild").catch(() => {
    throw new Error(
      "esbuild est absent (installation sans dépendances de développement) : lancez « npm run build » là où elles sont installées, puis copiez dist/.",
    );
  });
  const work = `${dist}.partial`;
  await fs.rm(work, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(ROOT, "src/server.ts")],
    outfile: path.join(work, "server.js"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: true,
    legalComments: "none",
    logLevel: "warning",
  });
  // Core's migrations and every module's, side by side (names are timestamps, unique).
  await fs.mkdir(path.join(work, "migrations"));
  for (const [name, file] of await migrationFiles()) await fs.copyFile(file, path.join(work, "migrations", name));
  await writeAssets(await compileAssets(), path.join(work, "assets"));
  await fs.writeFile(path.join(work, ".built"), new Date().toISOString());
  // Swap in one step, so a server starting meanwhile never sees half a build.
  await fs.rm(dist, { recursive: true, force: true });
  await fs.rename(work, dist);
  process.stdout.write(`[portail] Construit dans dist/ en ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
}

const isMain = process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain) {
  if (process.argv.includes("--if-needed") && (await upToDate())) {
    process.stdout.write("[portail] dist/ est à jour.\n");
  } else {
    await build();
  }
}
