import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyReport } from "./common.js";
import { createProgress, decodeFile, formatErrors, formatSummary, parseImportArgs } from "./cli.js";
import { INDICATOR_COLUMNS } from "./indicators.js";
import { main } from "../../../../scripts/import.js";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers.js";

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
    const tty = {
      isTTY: true,
      columns: 80,
      out: "",
      write(s: string) {
        this.out += s;
      },
    };
    const bar = createProgress(tty);
    for (let done = 0; done <= 1000; done += 10) bar.update({ phase: "validation", done, total: 1000 });
    bar.finish();
    expect(tty.out.split("\r").length).toBe(102);
    expect(tty.out.endsWith("Vérification 100 % (1000/1000)\u001b[K\n")).toBe(true);

    const pipe = {
      isTTY: false,
      out: "",
      write(s: string) {
        this.out += s;
      },
    };
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

// The command itself, in-process: the same code `npm run import` runs (arguments, file,
// summary on stdout, errors on stderr, exit code), on this file's own database.
describe("npm run import, in-process", () => {
  let dir: string;
  let t: TestDatabase;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-import-"));
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    const code = await main(args, {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { isTTY: false, write: (s: string) => (stderr += s) },
      env: { NODE_ENV: "test" },
      // the file's database, left open between runs
      openDatabase: async () => ({ db: t.db, kind: t.kind, close: async () => {} }),
    });
    return { code, stdout, stderr };
  }

  it("exits 1 with the errors on stderr, simulates, then imports a valid file", async () => {
    const bad = path.join(dir, "bad.csv");
    await fs.writeFile(bad, `${INDICATOR_COLUMNS.join(",")}\nchomage,Chômage,qpv,QN05971M,Secteur Ouest,2022,25,%,\nchomage,Chômage,iris,1,X,2022,25,%,\n`);
    const failed = await run(["indicators", bad]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("Ligne 3 : le type de territoire « iris » n’existe pas");
    expect(failed.stdout).toBe("");

    const good = path.join(dir, "indicateurs.csv");
    await fs.writeFile(
      good,
      `${INDICATOR_COLUMNS.join(",")}\nchomage,Chômage,qpv,QN05971M,Secteur Ouest,2022,25,%,\nchomage,Chômage,qpv,QN05972M,Secteur Sud,2022,21,%,\n`,
    );
    const dry = await run(["indicators", good, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("2 créé(s)");
    expect(dry.stdout).toContain("Simulation : rien n’a été enregistré");
    expect(await t.db.selectFrom("indicators").select("id").execute()).toEqual([]);

    const real = await run(["indicators", good]);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain("2 créé(s)");
    expect(real.stdout).toContain("Import terminé.");
    expect(await t.db.selectFrom("indicators").select("id").execute()).toHaveLength(2);

    const usage = await run(["communes", good]);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain("Utilisation : npm run import");
  });

  it("refuses a missing file and a Windows-1252 file before opening the database", async () => {
    const opened: string[] = [];
    const missing = await main(["qpv", path.join(dir, "absent.geojson")], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => opened.push(s) },
      env: {},
      openDatabase: () => Promise.reject(new Error("no database expected")),
    });
    expect(missing).toBe(1);
    expect(opened.join("")).toContain("Fichier introuvable");
    const latin1 = path.join(dir, "excel.csv");
    await fs.writeFile(latin1, Uint8Array.from([0x65, 0xe9, 0x74]));
    opened.length = 0;
    const refused = await main(["actions", latin1], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => opened.push(s) },
      env: {},
      openDatabase: () => Promise.reject(new Error("no database expected")),
    });
    expect(refused).toBe(1);
    expect(opened.join("")).toContain("CSV UTF-8");
  });
});

// One real process, for the exit code the shell sees. Once, in the PGlite project.
describe.skipIf(process.env.TEST_DB === "postgres")("scripts/import.ts (child process)", () => {
  it("exits 1 with the usage on stderr for an unknown kind", { timeout: 60_000 }, async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: os.tmpdir(), NODE_ENV: "development" };
    delete env.DATABASE_URL;
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/import.ts", "communes", "x.csv"], { cwd: process.cwd(), env });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c) => (stdout += c));
      child.stderr.on("data", (c) => (stderr += c));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Utilisation : npm run import");
  });
});
