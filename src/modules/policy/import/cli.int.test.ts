import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyReport } from "./common.js";
import { createProgress, decodeFile, formatErrors, formatSummary, parseImportArgs } from "./cli.js";
import { INDICATOR_COLUMNS } from "./indicators.js";

describe("parseImportArgs", () => {
  it("reads the kind, the file and --dry-run, in any order", () => {
    expect(parseImportArgs(["qpv", "QP2024.geojson"])).toEqual({ ok: true, kind: "qpv", file: "QP2024.geojson", dryRun: false });
    expect(parseImportArgs(["--dry-run", "indicateurs", "x.csv"])).toEqual({ ok: true, kind: "indicators", file: "x.csv", dryRun: true });
    expect(parseImportArgs(["--", "actions", "a.csv", "--dry-run"])).toMatchObject({ ok: true, kind: "actions", dryRun: true });
  });

  it("explains what is wrong, in French", () => {
    expect(parseImportArgs([])).toMatchObject({ ok: false, message: expect.stringMatching(/^Il manque le type et le fichier/) });
    expect(parseImportArgs(["qpv"])).toMatchObject({ ok: false, message: expect.stringMatching(/^Il manque le fichier/) });
    expect(parseImportArgs(["communes", "x"])).toMatchObject({ ok: false, message: expect.stringContaining("Type d’import inconnu : « communes »") });
    expect(parseImportArgs(["qpv", "x", "--force"])).toMatchObject({ ok: false, message: expect.stringContaining("Option inconnue : --force") });
    expect(parseImportArgs(["qpv", "a", "b"])).toMatchObject({ ok: false, message: expect.stringContaining("Un seul fichier") });
    expect(parseImportArgs(["--help"])).toMatchObject({ ok: false, help: true });
  });
});

describe("output helpers", () => {
  it("refuses a Windows-1252 file with advice for Excel", () => {
    expect(decodeFile(new TextEncoder().encode("été"))).toEqual({ text: "été" });
    expect(decodeFile(Uint8Array.from([0x65, 0xe9, 0x74]))).toMatchObject({ error: expect.stringContaining("CSV UTF-8") });
  });

  it("summarises in French", () => {
    const report = { ...emptyReport("qpv", {}), read: 1600, created: 2, updated: 1, unchanged: 2, skipped: 1595 };
    const text = formatSummary(report, "QP2024.geojson");
    expect(text).toContain("2 créé(s)");
    expect(text).toContain("1595 ignoré(s) hors du territoire du site");
    const errors = formatErrors({ ...report, errors: [{ line: 12, message: "le statut « fini » n’existe pas." }] });
    expect(errors).toBe("1 erreur(s) : rien n’a été enregistré. Corrigez le fichier puis relancez l’import.\n  Ligne 12 : le statut « fini » n’existe pas.");
  });

  it("redraws one bar on a terminal and prints a few lines otherwise", () => {
    const tty = { isTTY: true, columns: 80, out: "", write(s: string) { this.out += s; } };
    const bar = createProgress(tty);
    for (let done = 0; done <= 1000; done += 10) bar.update({ phase: "validation", done, total: 1000 });
    bar.finish();
    expect(tty.out.split("\r").length).toBe(102);
    expect(tty.out.endsWith("Vérification 100 % (1000/1000)\u001b[K\n")).toBe(true);

    const pipe = { isTTY: false, out: "", write(s: string) { this.out += s; } };
    const lines = createProgress(pipe);
    for (let done = 0; done <= 1000; done += 10) lines.update({ phase: "validation", done, total: 1000 });
    lines.update({ phase: "validation", done: 5, total: 10 }); // small files: no progress at all
    expect(pipe.out.trim().split("\n")).toEqual([
      "Vérification 0 % (0/1000)",
      "Vérification 25 % (250/1000)",
      "Vérification 50 % (500/1000)",
      "Vérification 75 % (750/1000)",
      "Vérification 100 % (1000/1000)",
    ]);
  });
});

// The script itself, as `npm run import` runs it: an embedded PGlite database in a temporary
// DATA_DIR (DATABASE_URL unset), so the test touches nothing outside. Each run boots PGlite
// (several seconds), so it runs once, in the PGlite project only: the PostgreSQL project
// would repeat exactly the same thing.
describe.skipIf(process.env.TEST_DB === "postgres")("scripts/import.ts", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-import-"));
  });
  afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

  function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, NODE_ENV: "development" };
    delete env.DATABASE_URL;
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], { cwd: process.cwd(), env });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c) => (stdout += c));
      child.stderr.on("data", (c) => (stderr += c));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  }

  it("exits 1 with the errors on stderr, simulates, then imports a valid file", async () => {
    const bad = path.join(dir, "bad.csv");
    await fs.writeFile(bad, `${INDICATOR_COLUMNS.join(",")}\nchomage,Chômage,qpv,QN05971M,Secteur Ouest,2022,25,%,\nchomage,Chômage,iris,1,X,2022,25,%,\n`);
    const failed = await run(["indicators", bad]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("Ligne 3 : le type de territoire « iris » n’existe pas");
    expect(failed.stdout).toBe("");

    const good = path.join(dir, "indicateurs.csv");
    await fs.writeFile(good, `${INDICATOR_COLUMNS.join(",")}\nchomage,Chômage,qpv,QN05971M,Secteur Ouest,2022,25,%,\nchomage,Chômage,qpv,QN05972M,Secteur Sud,2022,21,%,\n`);
    const dry = await run(["indicators", good, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("2 créé(s)");
    expect(dry.stdout).toContain("Simulation : rien n’a été enregistré");

    const real = await run(["indicators", good]);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain("2 créé(s)");
    expect(real.stdout).toContain("Import terminé.");

    const usage = await run(["communes", good]);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain("Utilisation : npm run import");
  }, 180_000);
});
