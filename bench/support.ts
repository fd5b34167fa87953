// What the benchmarks share beside the load runner (load.ts) and the bare server (baseline.ts):
// a throwaway database on a PostgreSQL server, and the results file, newest section first.
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const RESULTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "RESULTS.md");
const RESULTS_START =
  "# Benchmark results\n\nNewest first. Each run compares the app to a bare node:http server sending the same bytes, measured in the same run.\n";

async function run(url: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/** Runs `use` on a new database `<prefix>_<pid>` of the server at `serverUrl`, dropped afterwards, failed or not. */
export async function withScratchDatabase<T>(serverUrl: string, prefix: string, use: (url: string) => Promise<T>): Promise<T> {
  const name = `${prefix}_${process.pid}`;
  await run(serverUrl, `create database ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  try {
    return await use(u.toString());
  } finally {
    await run(serverUrl, `drop database if exists ${name} with (force)`);
  }
}

/** Puts a section at the top of bench/RESULTS.md, under its title and introduction. */
export async function prependResults(lines: readonly string[]): Promise<void> {
  const previous = await fs.readFile(RESULTS, "utf8").catch(() => RESULTS_START);
  const [title, intro, ...rest] = previous.split("\n\n");
  await fs.writeFile(RESULTS, [title, intro, lines.join("\n"), ...rest].filter((b) => b !== undefined).join("\n\n"));
  process.stdout.write("[bench] written to bench/RESULTS.md\n");
}
