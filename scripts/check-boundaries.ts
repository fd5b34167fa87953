// npm run lint:boundaries: the architecture's import rules, which no off-the-shelf Biome rule
// expresses (see docs/decisions/0013-lint-format-boundaries.md). Parses every file under src/
// with the TypeScript compiler API (syntax only, no type checking: ~300 files in well under a
// second) and reports each violation as file:line, then a count per rule and the run time.
//
//   module-private    src/modules/X/** imports src/modules/Y/** other than Y/index.ts(x)
//   app-import        anything in src/ but src/server.ts (and tests) imports src/app.ts
//   layer             src/core|lib|ui import src/modules; src/lib imports src/core or src/ui
//   query-location    a Kysely query is built or run outside queries.ts, queries/ and src/core/db
//   import-cycle      a cycle of imports (type-only imports included) among src/ files
//   view-import       a loader (queries, service, present) imports from a views/ folder or views.tsx
//
// Test files (*.test.ts(x)) are held to module-private only; the other rules are about the
// shipped code. Exceptions live in scripts/boundary-exceptions.json; one that matches nothing
// is itself an error, so the list only shrinks.
//
// Options: --root DIR (default: the repository), --exceptions FILE, --json.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

export const RULES = ["module-private", "app-import", "layer", "query-location", "import-cycle", "view-import"] as const;
export type Rule = (typeof RULES)[number];

export interface Violation {
  rule: Rule;
  /** Repository-relative, forward slashes. */
  file: string;
  line: number;
  message: string;
  /** For import rules: the imported file (repository-relative). */
  target?: string;
}

export interface BoundaryException {
  rule: Rule;
  file: string;
  /** Optional: only this import (repository-relative path of the imported file). For
   * import-cycle, the import edge file -> import that may stay in a cycle. */
  import?: string;
  reason: string;
}

export interface ExceptionProblem {
  index: number;
  message: string;
}

export interface BoundaryReport {
  violations: Violation[];
  /** Violations silenced by an exception, for the record. */
  excepted: Violation[];
  /** Malformed or stale exceptions: errors like violations. */
  exceptionProblems: ExceptionProblem[];
  filesChecked: number;
  durationMs: number;
}

/** Kysely calls that build a query against the database. */
const QUERY_BUILDER_METHODS = new Set(["selectFrom", "insertInto", "updateTable", "deleteFrom", "replaceInto", "mergeInto", "selectNoFrom", "executeQuery"]);

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts"];

interface ImportEdge {
  from: string;
  to: string;
  line: number;
  typeOnly: boolean;
  dynamic: boolean;
}

interface ParsedFile {
  file: string;
  imports: ImportEdge[];
  /** Lines (1-based) of query-builder calls and executed sql templates, with what was seen. */
  queries: { line: number; what: string }[];
}

const toPosix = (p: string) => p.split(path.sep).join("/");

/** Tests, and the fixtures only tests use (test-data.ts, test-fixtures.ts). */
function isTestFile(file: string): boolean {
  return /\.test\.tsx?$/.test(file) || path.posix.basename(file).startsWith("test-");
}

function listSourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return out;
  for (const entry of fs.readdirSync(abs, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    if (entry.name.endsWith(".d.ts")) continue;
    if (!SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) continue;
    out.push(toPosix(path.relative(root, full)));
  }
  return out.sort();
}

/**
 * Resolves a relative specifier the way TypeScript's nodenext resolution does for this
 * project: "./x.js" names x.ts or x.tsx, a bare "./dir" its index. Package imports and files
 * outside the repository give null (they are no boundary of ours).
 */
function resolveSpecifier(root: string, from: string, specifier: string, known: Set<string>): string | null {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return null;
  const base = toPosix(path.normalize(path.join(path.dirname(from), specifier)));
  if (base.startsWith("../")) return null;
  const candidates: string[] = [];
  const swap: Record<string, string[]> = { ".js": [".ts", ".tsx"], ".jsx": [".tsx"], ".mjs": [".mts"], ".cjs": [".cts"] };
  const ext = path.posix.extname(base);
  if (swap[ext]) for (const e of swap[ext]) candidates.push(base.slice(0, -ext.length) + e);
  candidates.push(base);
  for (const e of SOURCE_EXTENSIONS) candidates.push(base + e, `${base}/index${e}`);
  for (const c of candidates) if (known.has(c)) return c;
  // Not a source file we walked (JSON, SQL, CSS, a file outside src/): keep the path so
  // boundaries can still be judged, but only when it exists.
  return fs.existsSync(path.join(root, base)) ? base : null;
}

function lineOf(sf: ts.SourceFile, node: ts.Node): number {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

function stripWrappers(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return e;
}

function parseFile(root: string, file: string, known: Set<string>): ParsedFile {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const kind = file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, kind);
  const imports: ImportEdge[] = [];
  const queries: ParsedFile["queries"] = [];

  const addImport = (specifier: ts.Expression | undefined, node: ts.Node, typeOnly: boolean, dynamic: boolean) => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    const to = resolveSpecifier(root, file, specifier.text, known);
    if (to) imports.push({ from: file, to, line: lineOf(sf, node), typeOnly, dynamic });
  };

  // The local names bound to Kysely's `sql` tag (import { sql } / import { sql as q }).
  const sqlNames = new Set<string>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || st.moduleSpecifier.text !== "kysely") continue;
    const named = st.importClause?.namedBindings;
    if (named && ts.isNamedImports(named)) {
      for (const el of named.elements) if ((el.propertyName ?? el.name).text === "sql" && !el.isTypeOnly) sqlNames.add(el.name.text);
    }
  }
  const isSqlTag = (e: ts.Expression): boolean => ts.isIdentifier(e) && sqlNames.has(e.text);
  /** A raw query object: sql`...`, sql<T>`...`, sql.raw(...), sql.join(...). */
  const isRawQuery = (e: ts.Expression): boolean => {
    e = stripWrappers(e);
    if (ts.isTaggedTemplateExpression(e)) return isSqlTag(e.tag);
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) return isSqlTag(e.expression.expression);
    return false;
  };
  // Variables initialised with a raw query in this file, so `const q = sql\`...\`; q.execute(db)`
  // is caught too. (Syntax only: a raw query passed through a function is not followed.)
  const rawQueryVariables = new Set<string>();

  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!clause.namedBindings &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((el) => el.isTypeOnly)));
      addImport(node.moduleSpecifier, node, typeOnly, false);
    } else if (ts.isExportDeclaration(node)) {
      addImport(node.moduleSpecifier, node, node.isTypeOnly, false);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      addImport(node.moduleReference.expression, node, node.isTypeOnly, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      addImport(node.argument.literal, node, true, false);
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isRawQuery(node.initializer)) {
      rawQueryVariables.add(node.name.text);
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        addImport(node.arguments[0], node, false, true);
      } else if (ts.isIdentifier(node.expression) && node.expression.text === "require") {
        addImport(node.arguments[0], node, false, true);
      } else if (ts.isPropertyAccessExpression(node.expression)) {
        const name = node.expression.name.text;
        const receiver = stripWrappers(node.expression.expression);
        if (QUERY_BUILDER_METHODS.has(name)) {
          queries.push({ line: lineOf(sf, node.expression.name), what: `.${name}()` });
        } else if (name === "execute" && (isRawQuery(receiver) || (ts.isIdentifier(receiver) && rawQueryVariables.has(receiver.text)))) {
          queries.push({ line: lineOf(sf, node.expression.name), what: "sql`...`.execute()" });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { file, imports, queries };
}

// ---- Where a file sits -------------------------------------------------------------------

/** "content" for src/modules/content/**, else null. */
function moduleOf(file: string): string | null {
  const m = /^src\/modules\/([^/]+)\//.exec(file);
  return m ? m[1]! : null;
}

function isModuleIndex(file: string, mod: string): boolean {
  return file === `src/modules/${mod}/index.ts` || file === `src/modules/${mod}/index.tsx`;
}

function isQueryLocation(file: string): boolean {
  const base = path.posix.basename(file);
  return base === "queries.ts" || file.split("/").slice(0, -1).includes("queries") || file.startsWith("src/core/db/");
}

/**
 * Loaders fetch and shape data for views; they must not depend on views. By name:
 * queries.ts, service.ts, present.ts, their dashed variants (service-actions.ts,
 * admin-present.ts) and anything under a queries/ folder.
 */
function isLoader(file: string): boolean {
  const stem = path.posix.basename(file).replace(/\.tsx?$/, "");
  if (file.split("/").slice(0, -1).includes("queries")) return true;
  return stem.split("-").some((part) => part === "queries" || part === "service" || part === "present");
}

function isView(file: string): boolean {
  return file.split("/").slice(0, -1).includes("views") || /^views\.tsx?$/.test(path.posix.basename(file));
}

// ---- Cycles ------------------------------------------------------------------------------

/** Tarjan's strongly connected components (iterative: no recursion limit on long chains). */
function stronglyConnected(nodes: string[], next: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const succ = next.get(frame.node) ?? [];
      if (frame.i < succ.length) {
        const w = succ[frame.i++]!;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.node);
        out.push(component);
      }
    }
  }
  return out;
}

/** The shortest cycle through `start` within `members`, as [start, ..., start]. */
function shortestCycleThrough(start: string, members: Set<string>, next: Map<string, string[]>): string[] | null {
  const parent = new Map<string, string>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const w of next.get(node) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const pathBack = [node];
        while (pathBack[pathBack.length - 1] !== start) pathBack.push(parent.get(pathBack[pathBack.length - 1]!)!);
        return [...pathBack.reverse(), start];
      }
      if (seen.has(w)) continue;
      seen.add(w);
      parent.set(w, node);
      queue.push(w);
    }
  }
  return null;
}

/**
 * Every file caught in a cycle is on at least one reported cycle: for each strongly
 * connected set of files, in path order, the shortest cycle through each file that no
 * cycle reported so far passes through, each distinct cycle once. (Listing every
 * elementary cycle can be exponential.) Breaking the reported cycles and running again
 * converges: what remains is reported on the next run.
 */
function findCycles(nodes: string[], next: Map<string, string[]>): { cycle: string[]; sharedEdges: string[] }[] {
  const out: { cycle: string[]; sharedEdges: string[] }[] = [];
  for (const component of stronglyConnected(nodes, next)) {
    const members = new Set(component);
    const selfLoop = component.length === 1 && (next.get(component[0]!) ?? []).includes(component[0]!);
    if (component.length === 1 && !selfLoop) continue;
    const covered = new Set<string>();
    const cycles = new Map<string, string[]>();
    for (const start of [...component].sort()) {
      if (covered.has(start)) continue;
      const cycle = shortestCycleThrough(start, members, next);
      if (!cycle) continue;
      for (const f of cycle) covered.add(f);
      // The same cycle found from another of its files: key it by its smallest rotation.
      const ring = cycle.slice(0, -1);
      const first = ring.indexOf([...ring].sort()[0]!);
      const rotated = [...ring.slice(first), ...ring.slice(0, first)];
      const key = rotated.join(" -> ");
      if (!cycles.has(key)) cycles.set(key, [...rotated, rotated[0]!]);
    }
    // Where several cycles share an import, removing that one import breaks them all: say so.
    const edgesOf = (c: string[]) => c.slice(0, -1).map((f, i) => `${f} -> ${c[i + 1]}`);
    const group = [...cycles.values()];
    const shared = group.length > 1 ? edgesOf(group[0]!).filter((e) => group.every((c) => edgesOf(c).includes(e))) : [];
    for (const cycle of group) out.push({ cycle, sharedEdges: shared });
  }
  return out.sort((a, b) => a.cycle.join().localeCompare(b.cycle.join()));
}

// ---- The check ---------------------------------------------------------------------------

export function readExceptions(file: string): { exceptions: BoundaryException[]; problems: ExceptionProblem[] } {
  if (!fs.existsSync(file)) return { exceptions: [], problems: [] };
  const problems: ExceptionProblem[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    return { exceptions: [], problems: [{ index: -1, message: `${file} is not valid JSON: ${(error as Error).message}` }] };
  }
  if (!Array.isArray(raw)) return { exceptions: [], problems: [{ index: -1, message: `${file} must hold an array of {rule, file, reason}` }] };
  const exceptions: BoundaryException[] = [];
  raw.forEach((entry: unknown, index) => {
    const e = entry as Partial<BoundaryException> | null;
    if (!e || typeof e !== "object") {
      problems.push({ index, message: `exception #${index} is not an object` });
    } else if (!RULES.includes(e.rule as Rule)) {
      problems.push({ index, message: `exception #${index} names an unknown rule ${JSON.stringify(e.rule)} (known: ${RULES.join(", ")})` });
    } else if (typeof e.file !== "string" || e.file === "") {
      problems.push({ index, message: `exception #${index} (${e.rule}) has no file` });
    } else if (typeof e.reason !== "string" || e.reason.trim() === "") {
      problems.push({ index, message: `exception #${index} (${e.rule} in ${e.file}) gives no reason` });
    } else if (e.import !== undefined && typeof e.import !== "string") {
      problems.push({ index, message: `exception #${index} (${e.rule} in ${e.file}): "import" must be a path` });
    } else if (e.rule === "import-cycle" && !e.import) {
      problems.push({ index, message: `exception #${index} (import-cycle in ${e.file}) must name the "import" edge that may stay in a cycle` });
    } else {
      exceptions.push({ rule: e.rule as Rule, file: e.file, import: e.import, reason: e.reason });
    }
  });
  return { exceptions, problems };
}

export function checkBoundaries(root: string, exceptionsFile = path.join(root, "scripts/boundary-exceptions.json")): BoundaryReport {
  const started = performance.now();
  const files = listSourceFiles(root, "src");
  const known = new Set(files);
  const parsed = files.map((f) => parseFile(root, f, known));
  const { exceptions, problems } = readExceptions(exceptionsFile);
  const found: Violation[] = [];

  for (const p of parsed) {
    const test = isTestFile(p.file);
    const fromModule = moduleOf(p.file);
    for (const edge of p.imports) {
      const to = edge.to;
      const toModule = moduleOf(to);
      const add = (rule: Rule, message: string) => found.push({ rule, file: p.file, line: edge.line, message, target: to });

      if (fromModule && toModule && toModule !== fromModule && !isModuleIndex(to, toModule)) {
        add("module-private", `module "${fromModule}" imports ${to}, inside module "${toModule}": go through src/modules/${toModule}/index.ts`);
      }
      if (test) continue;
      if ((to === "src/app.ts" || to === "src/app.tsx") && p.file !== "src/server.ts") {
        add("app-import", `imports ${to}: only src/server.ts may (move what is shared into core or the module's index.ts)`);
      }
      const layer = /^src\/(core|lib|ui)\//.exec(p.file)?.[1];
      if (layer && toModule) {
        add("layer", `src/${layer} imports ${to}: core, lib and ui know no feature module`);
      } else if (layer === "lib" && /^src\/(core|ui)\//.test(to)) {
        add("layer", `src/lib imports ${to}: lib holds pure helpers and depends on neither core nor ui`);
      }
      if (isLoader(p.file) && isView(to)) {
        add("view-import", `loader ${path.posix.basename(p.file)} imports the view ${to}: views receive view-models, loaders never depend on views`);
      }
    }
    if (!test && !isQueryLocation(p.file)) {
      for (const q of p.queries) {
        found.push({
          rule: "query-location",
          file: p.file,
          line: q.line,
          message: `Kysely query ${q.what} outside queries.ts: move it into a queries.ts (or a queries/ folder) beside this file`,
        });
      }
    }
  }

  // Cycles, on the graph less the import edges an exception allows.
  const allowedEdges = new Set(exceptions.filter((e) => e.rule === "import-cycle").map((e) => `${e.file}\n${e.import}`));
  const fullNext = new Map<string, string[]>();
  const next = new Map<string, string[]>();
  const firstLine = new Map<string, number>();
  for (const p of parsed) {
    for (const edge of p.imports) {
      if (!known.has(edge.to)) continue;
      const key = `${edge.from}\n${edge.to}`;
      if (firstLine.has(key)) continue;
      firstLine.set(key, edge.line);
      fullNext.set(edge.from, [...(fullNext.get(edge.from) ?? []), edge.to]);
      if (!allowedEdges.has(key)) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
    }
  }
  for (const { cycle, sharedEdges } of findCycles(files, next)) {
    const hint = sharedEdges.length > 0 ? ` (every cycle reported among these files goes through ${sharedEdges.join(" or ")})` : "";
    found.push({
      rule: "import-cycle",
      file: cycle[0]!,
      line: firstLine.get(`${cycle[0]}\n${cycle[1]}`) ?? 1,
      message: `import cycle: ${cycle.join(" -> ")}${hint}`,
    });
  }

  // Exceptions: silence what they match; one that matches nothing is stale.
  const violations: Violation[] = [];
  const excepted: Violation[] = [];
  const used = new Set<BoundaryException>();
  for (const v of found) {
    if (v.rule === "import-cycle") {
      violations.push(v);
      continue;
    }
    const match = exceptions.find((e) => e.rule === v.rule && e.file === v.file && (e.import === undefined || e.import === v.target));
    if (match) {
      used.add(match);
      excepted.push(v);
    } else {
      violations.push(v);
    }
  }
  // A cycle exception is in use while its edge exists and lies on a cycle of the full graph.
  const fullComponents = new Map<string, number>();
  stronglyConnected(files, fullNext).forEach((component, i) => {
    for (const f of component) fullComponents.set(f, i);
  });
  for (const e of exceptions) {
    if (e.rule !== "import-cycle") continue;
    const exists = firstLine.has(`${e.file}\n${e.import}`);
    const onCycle = exists && (e.file === e.import || fullComponents.get(e.file) === fullComponents.get(e.import!));
    if (onCycle) used.add(e);
  }
  exceptions.forEach((e, index) => {
    if (!used.has(e)) {
      const what = e.import ? `${e.file} -> ${e.import}` : e.file;
      problems.push({ index, message: `stale exception #${index}: ${e.rule} in ${what} matches nothing any more; remove it from the exceptions file` });
    }
  });

  violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
  return { violations, excepted, exceptionProblems: problems, filesChecked: files.length, durationMs: performance.now() - started };
}

export function formatReport(report: BoundaryReport): string {
  const lines: string[] = [];
  for (const v of report.violations) lines.push(`${v.file}:${v.line}  [${v.rule}]  ${v.message}`);
  for (const p of report.exceptionProblems) lines.push(`scripts/boundary-exceptions.json  [exceptions]  ${p.message}`);
  if (lines.length > 0) lines.push("");
  const counts = RULES.map((r) => `${r}: ${report.violations.filter((v) => v.rule === r).length}`);
  lines.push(`Boundaries: ${report.violations.length} violation(s) in ${report.filesChecked} files (${counts.join(", ")})`);
  if (report.excepted.length > 0) lines.push(`${report.excepted.length} more allowed by scripts/boundary-exceptions.json`);
  if (report.exceptionProblems.length > 0) lines.push(`${report.exceptionProblems.length} problem(s) with the exceptions file`);
  lines.push(`Checked in ${Math.round(report.durationMs)} ms`);
  return lines.join("\n");
}

/** The command (`npm run lint:boundaries`): prints the report, returns the exit code. */
export function main(argv: string[], print: (text: string) => void = console.log): number {
  const rootIndex = argv.indexOf("--root");
  const root = rootIndex >= 0 && argv[rootIndex + 1] ? path.resolve(argv[rootIndex + 1]!) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const exceptionsIndex = argv.indexOf("--exceptions");
  const exceptionsFile =
    exceptionsIndex >= 0 && argv[exceptionsIndex + 1] ? path.resolve(argv[exceptionsIndex + 1]!) : path.join(root, "scripts/boundary-exceptions.json");
  const report = checkBoundaries(root, exceptionsFile);
  print(argv.includes("--json") ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.violations.length > 0 || report.exceptionProblems.length > 0 ? 1 : 0;
}

const isMain = process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain) process.exitCode = main(process.argv.slice(2));
