// Runs once before the PGlite test files: migrates a fresh PGlite database and dumps its
// data directory, so each test file starts from a copy in about a second instead of
// running initdb and every migration again.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openPGlite, wrapPGlite } from "../src/core/db/create-db.js";
import { migrateToLatest } from "../src/core/db/migrator.js";

export default async function setup({ provide }: { provide: (key: string, value: unknown) => void }) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-template-"));
  const file = path.join(dir, "template.tar");
  const client = await openPGlite(undefined);
  await migrateToLatest(wrapPGlite(client).db);
  const dump = await client.dumpDataDir("none");
  await fs.writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  provide("pgliteTemplate", file);
  return async () => {
    await fs.rm(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
