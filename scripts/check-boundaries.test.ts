import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type BoundaryException, checkBoundaries, formatReport, main, type Rule } from "./check-boundaries.js";

const dirs: string[] = [];

/** A small repository: { "src/app.ts": "..." }, plus an exceptions file when given. */
function tree(files: Record<string, string>, exceptions?: unknown): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "boundaries-"));
  dirs.push(root);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  if (exceptions !== undefined) {
    fs.mkdirSync(path.join(root, "scripts"), { recursive: true });
    fs.writeFileSync(path.join(root, "scripts/boundary-exceptions.json"), JSON.stringify(exceptions));
  }
  return root;
}

afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** "rule file:line" for each violation, the shape the assertions read best in. */
function found(root: string, rule?: Rule): string[] {
  return checkBoundaries(root)
    .violations.filter((v) => !rule || v.rule === rule)
    .map((v) => `${v.rule} ${v.file}:${v.line}`);
}

/** A tree that follows every rule; each test adds one file to break one. */
const CLEAN: Record<string, string> = {
  "src/server.ts": 'import { buildApp } from "./app.js";\nbuildApp();\n',
  "src/app.ts": 'import { contentRoutes } from "./modules/content/index.js";\nexport function buildApp() { return contentRoutes; }\n',
  "src/core/db/migrator.ts":
    'import { sql } from "kysely";\nexport async function run(db: any) { await sql.raw("select 1").execute(db); await db.selectFrom("t").execute(); }\n',
  "src/core/deps.ts": "export interface Deps { db: unknown }\n",
  "src/lib/text.ts": 'import { other } from "./other.js";\nexport const slug = (s: string) => other(s);\n',
  "src/lib/other.ts": "export const other = (s: string) => s;\n",
  "src/ui/layout.tsx": 'import { slug } from "../lib/text.js";\nexport const Layout = () => <div>{slug("x")}</div>;\n',
  "src/modules/content/index.ts": 'export { contentRoutes } from "./routes.js";\nexport type { Item } from "./queries.js";\n',
  "src/modules/content/routes.tsx": [
    'import type { Deps } from "../../core/deps.js";',
    'import { loadItem } from "./service.js";',
    'import { ItemView } from "./views/item.js";',
    "export const contentRoutes = async (deps: Deps) => <ItemView item={await loadItem(deps)} />;",
  ].join("\n"),
  "src/modules/content/service.ts": [
    'import { sql } from "kysely";',
    'import { findItem } from "./queries.js";',
    'import { present } from "./present.js";',
    "// A fragment is an expression, allowed anywhere; so is running a transaction.",
    "export const recent = sql<boolean>`published_at > now()`;",
    "export async function loadItem(deps: any) { return deps.db.transaction().execute(async (trx: any) => present(await findItem(trx))); }",
  ].join("\n"),
  "src/modules/content/queries.ts": [
    'import { sql } from "kysely";',
    "export interface Item { id: number }",
    'export async function findItem(db: any): Promise<Item> { return db.selectFrom("items").selectAll().executeTakeFirstOrThrow(); }',
    "export async function raw(db: any) { return sql`select 1`.execute(db); }",
  ].join("\n"),
  "src/modules/content/admin/queries/history.ts": 'export const list = (db: any) => db.selectFrom("revisions").selectAll().execute();\n',
  "src/modules/content/present.ts":
    'import type { Item } from "./queries.js";\nexport const present = (item: Item) => ({ title: String(item.id) });\nexport type ItemModel = ReturnType<typeof present>;\n',
  "src/modules/content/views/item.tsx":
    'import type { ItemModel } from "../present.js";\nexport const ItemView = (p: { item: ItemModel }) => <h1>{p.item.title}</h1>;\n',
  "src/modules/policy/index.ts": 'export { figures } from "./service.js";\n',
  "src/modules/policy/service.ts": 'import type { Item } from "../content/index.js";\nexport const figures = (items: Item[]) => items.length;\n',
  "src/modules/policy/service.test.ts": [
    'import { buildApp } from "../../app.js";',
    'import { sql } from "kysely";',
    'export async function seed(db: any) { await db.insertInto("actions").values({}).execute(); await sql`truncate x`.execute(db); return buildApp; }',
  ].join("\n"),
  "src/modules/policy/test-data.ts": 'export const seed = (db: any) => db.insertInto("actions").values({}).execute();\n',
};

describe("the boundary checker on a tree that follows the rules", () => {
  it("finds nothing, with an empty or missing exceptions file", () => {
    expect(found(tree(CLEAN))).toEqual([]);
    expect(found(tree(CLEAN, []))).toEqual([]);
    const report = checkBoundaries(tree(CLEAN));
    expect(report.filesChecked).toBe(Object.keys(CLEAN).length);
    expect(report.exceptionProblems).toEqual([]);
  });
});

describe("module-private: a module is entered through its index.ts", () => {
  it("reports another module's inner file, also from a test, and names the import's line", () => {
    const root = tree({
      ...CLEAN,
      "src/modules/policy/figures.ts": '// figures\nimport { findItem } from "../content/queries.js";\nexport const f = findItem;\n',
      "src/modules/policy/figures.test.ts": 'import { present } from "../content/present.js";\nexport const p = present;\n',
    });
    expect(found(root, "module-private")).toEqual(["module-private src/modules/policy/figures.test.ts:1", "module-private src/modules/policy/figures.ts:2"]);
    const v = checkBoundaries(root).violations.find((x) => x.file === "src/modules/policy/figures.ts")!;
    expect(v.message).toContain("src/modules/content/index.ts");
    expect(v.target).toBe("src/modules/content/queries.ts");
  });

  it("counts re-exports, type-only, dynamic and import-type imports; a module's own files are free", () => {
    const root = tree({
      ...CLEAN,
      "src/modules/policy/a.ts": 'export { findItem } from "../content/queries.js";\n',
      "src/modules/policy/b.ts": 'import type { Item } from "../content/queries.js";\nexport type I = Item;\n',
      "src/modules/policy/c.ts": 'export const load = () => import("../content/service.js");\n',
      "src/modules/policy/d.ts": 'export type T = import("../content/present.js").ItemModel;\n',
      "src/modules/policy/e.ts":
        'import { figures } from "./service.js";\nimport { contentRoutes } from "../content/index.js";\nexport const e = [figures, contentRoutes];\n',
    });
    expect(found(root, "module-private")).toEqual([
      "module-private src/modules/policy/a.ts:1",
      "module-private src/modules/policy/b.ts:1",
      "module-private src/modules/policy/c.ts:1",
      "module-private src/modules/policy/d.ts:1",
    ]);
  });

  it("reports a sub-folder's index too: only the module's own index.ts is its door", () => {
    const root = tree({
      ...CLEAN,
      "src/modules/content/admin/index.ts": "export const admin = 1;\n",
      "src/modules/policy/f.ts": 'import { admin } from "../content/admin/index.js";\nexport const f = admin;\n',
      "src/modules/policy/g.ts": 'import { contentRoutes } from "../content";\nexport const g = contentRoutes;\n',
    });
    expect(found(root, "module-private")).toEqual(["module-private src/modules/policy/f.ts:1"]);
  });
});

describe("app-import: only src/server.ts imports src/app.ts", () => {
  it("reports a module or core file importing app.ts, even for a type; tests may", () => {
    const root = tree({
      ...CLEAN,
      "src/modules/content/deps.ts": 'import type { buildApp } from "../../app.js";\nexport type B = typeof buildApp;\n',
      "src/core/boot.ts": 'import { buildApp } from "../app.js";\nexport const b = buildApp;\n',
    });
    expect(found(root, "app-import")).toEqual(["app-import src/core/boot.ts:1", "app-import src/modules/content/deps.ts:1"]);
  });
});

describe("layer: core, lib and ui know no module; lib knows neither core nor ui", () => {
  it("reports each direction that is forbidden", () => {
    const root = tree({
      ...CLEAN,
      "src/core/http/render.ts": 'import type { Item } from "../../modules/content/index.js";\nexport type R = Item;\n',
      "src/ui/card.tsx": 'import { figures } from "../modules/policy/index.js";\nexport const Card = () => <p>{figures([])}</p>;\n',
      "src/lib/format.ts":
        '\nimport type { Deps } from "../core/deps.js";\nimport { Layout } from "../ui/layout.js";\nexport const f = (d: Deps) => [d, Layout];\n',
      "src/lib/geo.ts": 'import { contentRoutes } from "../modules/content/index.js";\nexport const g = contentRoutes;\n',
    });
    expect(found(root, "layer")).toEqual([
      "layer src/core/http/render.ts:1",
      "layer src/lib/format.ts:2",
      "layer src/lib/format.ts:3",
      "layer src/lib/geo.ts:1",
      "layer src/ui/card.tsx:1",
    ]);
  });

  it("leaves tests of core alone (they may build a whole app)", () => {
    const root = tree({
      ...CLEAN,
      "src/core/http/render.test.ts": 'import { contentRoutes } from "../../modules/content/index.js";\nexport const r = contentRoutes;\n',
    });
    expect(found(root)).toEqual([]);
  });
});

describe("query-location: Kysely queries live in queries.ts, a queries/ folder or core/db", () => {
  it("reports every query-builder entry point outside them", () => {
    const calls = ["selectFrom", "insertInto", "updateTable", "deleteFrom", "replaceInto", "mergeInto", "selectNoFrom", "executeQuery"];
    const body = calls.map((c) => `export const q${c} = (db: any) => db.${c}("t");`).join("\n");
    const root = tree({
      ...CLEAN,
      "src/modules/content/related.ts": body,
      "src/core/audit.ts": 'export const a = (db: any) =>\n  db\n    .insertInto("audit")\n    .execute();\n',
    });
    expect(found(root, "query-location")).toEqual([
      "query-location src/core/audit.ts:3",
      ...calls.map((_, i) => `query-location src/modules/content/related.ts:${i + 1}`),
    ]);
  });

  it("reports sql templates that are executed, directly or through a variable, under any local name", () => {
    const root = tree({
      ...CLEAN,
      "src/modules/content/search.ts": [
        'import { sql as q, type Kysely } from "kysely";',
        "export async function s(db: Kysely<any>) {",
        "  await q<{ n: number }>`select 1`.execute(db);",
        '  await q.raw("select 2").execute(db);',
        "  const stmt = q`select 3`;",
        "  await stmt.execute(db);",
        "  const where = q`a = 1`;",
        '  return db.transaction().execute(async () => [where, q.ref("x")]);',
        "}",
      ].join("\n"),
    });
    expect(found(root, "query-location")).toEqual([
      "query-location src/modules/content/search.ts:3",
      "query-location src/modules/content/search.ts:4",
      "query-location src/modules/content/search.ts:6",
    ]);
    expect(checkBoundaries(root).violations[0]!.message).toContain("sql`...`.execute()");
  });

  it("ignores an execute() on a template tag that is not Kysely's sql", () => {
    const root = tree({
      ...CLEAN,
      "src/lib/html.ts": "const sql = (s: TemplateStringsArray) => ({ execute: () => s });\nexport const h = sql`x`.execute();\n",
    });
    expect(found(root)).toEqual([]);
  });
});

describe("import-cycle", () => {
  it("reports a cycle once, as a path from its first file, with type-only imports counted", () => {
    const root = tree({
      ...CLEAN,
      "src/core/a.ts": 'import { b } from "./b.js";\nexport const a = () => b;\n',
      "src/core/b.ts": 'import { c } from "./c.js";\nexport const b = c;\n',
      "src/core/c.ts": '\n\nimport type { a } from "./a.js";\nexport const c = 1 as unknown as typeof a;\n',
    });
    const cycles = checkBoundaries(root).violations.filter((v) => v.rule === "import-cycle");
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.file).toBe("src/core/a.ts");
    expect(cycles[0]!.line).toBe(1);
    expect(cycles[0]!.message).toBe("import cycle: src/core/a.ts -> src/core/b.ts -> src/core/c.ts -> src/core/a.ts");
  });

  it("covers every file of a tangle and names the import all its cycles share", () => {
    const root = tree({
      ...CLEAN,
      "src/core/hub.ts": 'import { x } from "./x.js";\nimport { y } from "./y.js";\nexport const hub = [x, y];\n',
      "src/core/x.ts": 'import { back } from "./back.js";\nexport const x = back;\n',
      "src/core/y.ts": 'import { back } from "./back.js";\nexport const y = back;\n',
      "src/core/back.ts": 'import { hub } from "./hub.js";\nexport const back = () => hub;\n',
    });
    const messages = checkBoundaries(root).violations.map((v) => v.message);
    expect(messages).toHaveLength(2);
    expect(messages.join("\n")).toContain("src/core/x.ts");
    expect(messages.join("\n")).toContain("src/core/y.ts");
    for (const m of messages) expect(m).toContain("goes through src/core/back.ts -> src/core/hub.ts");
  });

  it("follows module indexes, re-exports and dynamic imports", () => {
    const root = tree({
      ...CLEAN,
      "src/modules/content/publishing.ts": 'export const publish = () => import("./index.js");\n',
      "src/modules/content/index.ts": `${CLEAN["src/modules/content/index.ts"]}export { publish } from "./publishing.js";\n`,
    });
    expect(found(root, "import-cycle")).toEqual(["import-cycle src/modules/content/index.ts:3"]);
  });
});

describe("view-import: loaders never depend on views", () => {
  it("reports queries, service and present files (and their dashed variants) importing a view", () => {
    const root = tree({
      ...CLEAN,
      "src/modules/content/views/list.tsx": "export type ListProps = { n: number };\nexport const List = () => null;\n",
      "src/modules/content/present.ts": `${CLEAN["src/modules/content/present.ts"]}import type { ListProps } from "./views/list.js";\nexport type L = ListProps;\n`,
      "src/modules/content/admin/service-edit.ts": 'import type { ListProps } from "../views/list.js";\nexport type L = ListProps;\n',
      "src/modules/content/admin-present.ts": 'import { List } from "./views/list.js";\nexport const l = List;\n',
      "src/modules/media/views.tsx": "export type MediaProps = { id: number };\n",
      "src/modules/media/service.ts": 'import type { MediaProps } from "./views.js";\nexport type M = MediaProps;\n',
      "src/modules/content/admin/queries/list.ts": 'import type { ListProps } from "../../views/list.js";\nexport type L = ListProps;\n',
    });
    expect(found(root, "view-import")).toEqual([
      "view-import src/modules/content/admin-present.ts:1",
      "view-import src/modules/content/admin/queries/list.ts:1",
      "view-import src/modules/content/admin/service-edit.ts:1",
      "view-import src/modules/content/present.ts:4",
      "view-import src/modules/media/service.ts:1",
    ]);
  });
});

describe("exceptions", () => {
  const privateImport = { "src/modules/policy/figures.ts": 'import { findItem } from "../content/queries.js";\nexport const f = findItem;\n' };

  it("silence what they match, by file and optionally by import", () => {
    const byFile: BoundaryException = { rule: "module-private", file: "src/modules/policy/figures.ts", reason: "until content exports findItem" };
    const report = checkBoundaries(tree({ ...CLEAN, ...privateImport }, [byFile]));
    expect(report.violations).toEqual([]);
    expect(report.excepted).toHaveLength(1);
    const byImport = { ...byFile, import: "src/modules/content/queries.ts" };
    expect(checkBoundaries(tree({ ...CLEAN, ...privateImport }, [byImport])).violations).toEqual([]);
    expect(formatReport(report)).toContain("1 more allowed by scripts/boundary-exceptions.json");
  });

  it("are errors once stale, or when malformed", () => {
    const root = tree({ ...CLEAN, ...privateImport }, [
      { rule: "module-private", file: "src/modules/policy/figures.ts", import: "src/modules/content/service.ts", reason: "old" },
      { rule: "query-location", file: "src/modules/content/service.ts", reason: "fixed long ago" },
      { rule: "layer", file: "src/lib/text.ts" },
      { rule: "no-such-rule", file: "x", reason: "y" },
      { rule: "import-cycle", file: "src/core/a.ts", reason: "no edge named" },
    ]);
    const report = checkBoundaries(root);
    expect(report.violations.map((v) => v.rule)).toEqual(["module-private"]);
    const problems = report.exceptionProblems.map((p) => p.message).join("\n");
    expect(problems).toMatch(/stale exception #0: module-private in src\/modules\/policy\/figures.ts -> src\/modules\/content\/service.ts/);
    expect(problems).toMatch(/stale exception #1: query-location in src\/modules\/content\/service.ts/);
    expect(problems).toMatch(/exception #2 \(layer in src\/lib\/text.ts\) gives no reason/);
    expect(problems).toMatch(/exception #3 names an unknown rule "no-such-rule"/);
    expect(problems).toMatch(/exception #4 \(import-cycle in src\/core\/a.ts\) must name the "import"/);
    expect(report.exceptionProblems).toHaveLength(5);
  });

  it("allow one import edge to stay in a cycle, and go stale when the cycle is gone", () => {
    const cycle = {
      "src/core/a.ts": 'import { b } from "./b.js";\nexport const a = 1;\nexport const ab = b;\n',
      "src/core/b.ts": 'import { a } from "./a.js";\nexport const b = a;\n',
    };
    const allowed = { rule: "import-cycle", file: "src/core/b.ts", import: "src/core/a.ts", reason: "b reads a constant of a" };
    const report = checkBoundaries(tree({ ...CLEAN, ...cycle }, [allowed]));
    expect(report.violations).toEqual([]);
    expect(report.exceptionProblems).toEqual([]);
    const broken = { ...cycle, "src/core/b.ts": "export const b = 1;\n" };
    expect(checkBoundaries(tree({ ...CLEAN, ...broken }, [allowed])).exceptionProblems[0]!.message).toMatch(/stale exception #0: import-cycle/);
  });

  it("reports a file that is not JSON", () => {
    const root = tree(CLEAN);
    fs.mkdirSync(path.join(root, "scripts"));
    fs.writeFileSync(path.join(root, "scripts/boundary-exceptions.json"), "[{]");
    expect(checkBoundaries(root).exceptionProblems[0]!.message).toMatch(/is not valid JSON/);
  });
});

describe("the command", () => {
  // In-process through the command's entry point (issue #10: a child process adds nothing
  // here but a second TypeScript loader start, about 3 s each); `npm run lint` runs it as a
  // process on the real tree in CI.
  const run = (root: string) => {
    let out = "";
    const code = main(["--root", root], (text) => {
      out += `${text}\n`;
    });
    return { code, out };
  };

  it("exits 0 on a clean tree and 1 on violations, with file:line, a count per rule and the run time", () => {
    const clean = run(tree(CLEAN));
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/^Boundaries: 0 violation\(s\) in \d+ files/m);
    const dirty = run(tree({ ...CLEAN, "src/core/boot.ts": 'import { buildApp } from "../app.js";\nexport const b = buildApp;\n' }));
    expect(dirty.code).toBe(1);
    expect(dirty.out).toContain("src/core/boot.ts:1  [app-import]  imports src/app.ts");
    expect(dirty.out).toMatch(/module-private: 0, app-import: 1, layer: 0, query-location: 0, import-cycle: 0, view-import: 0/);
    expect(dirty.out).toMatch(/Checked in \d+ ms/);
  });
});
