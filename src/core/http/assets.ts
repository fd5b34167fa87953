// The client scripts and stylesheets, served from memory under content-hashed names with
// a one-year immutable cache. The production build (`npm run build`, scripts/build.ts)
// compiles them once into dist/assets with a manifest, and the built server only reads
// them; running from the sources (development, tests) compiles them with esbuild at start,
// which takes well under a second. esbuild is imported only then: production does not need it.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { noQuery } from "./form.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.resolve(HERE, "../..");
/** Where the built server finds its prebuilt assets: dist/assets beside dist/server.js. */
export const PREBUILT_DIR = path.join(HERE, "assets");
const MANIFEST = "manifest.json";

export interface Asset {
  body: Buffer;
  contentType: string;
}

export interface Assets {
  css: string; // public URL
  js: string;
  /** The back office's own script and styles (the editor is large: public pages never load it). */
  adminJs: string;
  adminCss: string;
  files: Map<string, Asset>;
}

let building: Promise<Assets> | null = null;

/** Loaded (or compiled) once per process: the files do not change while it runs. */
export function buildAssets(): Promise<Assets> {
  building ??= loadPrebuilt().then((prebuilt) => prebuilt ?? compileAssets());
  return building;
}

interface Manifest {
  js: string;
  css: string;
  adminJs: string;
  adminCss: string;
  files: Array<{ name: string; contentType: string }>;
}

async function loadPrebuilt(): Promise<Assets | null> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await fs.readFile(path.join(PREBUILT_DIR, MANIFEST), "utf8")) as Manifest;
  } catch {
    return null;
  }
  const files = new Map<string, Asset>();
  for (const f of manifest.files) files.set(f.name, { body: await fs.readFile(path.join(PREBUILT_DIR, f.name)), contentType: f.contentType });
  return { js: manifest.js, css: manifest.css, adminJs: manifest.adminJs, adminCss: manifest.adminCss, files };
}

/** Writes compiled assets and their manifest into `dir` (the production build). */
export async function writeAssets(assets: Assets, dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (const [name, asset] of assets.files) await fs.writeFile(path.join(dir, name), asset.body);
  const manifest: Manifest = {
    js: assets.js,
    css: assets.css,
    adminJs: assets.adminJs,
    adminCss: assets.adminCss,
    files: [...assets.files].map(([name, a]) => ({ name, contentType: a.contentType })),
  };
  await fs.writeFile(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2));
}

const SCRIPT_TARGETS = ["es2020", "chrome90", "firefox88", "safari14"];
// Tiptap/ProseMirror use destructuring that esbuild cannot lower for Safari 14: the back
// office asks for Safari 15 (2021) or later; the public site keeps Safari 14.
const ADMIN_SCRIPT_TARGETS = ["es2020", "chrome90", "firefox88", "safari15"];
const STYLE_TARGETS = ["chrome90", "firefox88", "safari14"];

async function buildScript(entry: string, target = SCRIPT_TARGETS) {
  const esbuild = await import("esbuild");
  return esbuild.build({
    entryPoints: [path.join(SRC, entry)],
    bundle: true,
    minify: true,
    format: "iife",
    target,
    write: false,
    legalComments: "none",
  });
}

async function buildStyles(entry: string) {
  const esbuild = await import("esbuild");
  return esbuild.build({
    entryPoints: [path.join(SRC, entry)],
    bundle: true,
    minify: true,
    write: false,
    target: STYLE_TARGETS,
    loader: { ".svg": "dataurl" },
  });
}

/** Compiles the assets from the sources with esbuild. */
export async function compileAssets(): Promise<Assets> {
  const [js, css, adminJs, adminCss] = await Promise.all([
    buildScript("client/index.ts"),
    buildStyles("ui/styles/main.css"),
    buildScript("client/admin/index.ts", ADMIN_SCRIPT_TARGETS),
    buildStyles("ui/styles/admin/index.css"),
  ]);
  const files = new Map<string, Asset>();
  const add = (prefix: string, content: Uint8Array, ext: string, contentType: string) => {
    const body = Buffer.from(content);
    const hash = crypto.createHash("sha256").update(body).digest("hex").slice(0, 12);
    const name = `${prefix}.${hash}.${ext}`;
    files.set(name, { body, contentType });
    return `/static/${name}`;
  };
  const JS = "text/javascript; charset=utf-8";
  const CSS = "text/css; charset=utf-8";
  return {
    js: add("app", js.outputFiles[0]!.contents, "js", JS),
    css: add("app", css.outputFiles[0]!.contents, "css", CSS),
    adminJs: add("admin", adminJs.outputFiles[0]!.contents, "js", JS),
    adminCss: add("admin", adminCss.outputFiles[0]!.contents, "css", CSS),
    files,
  };
}

export function registerAssetRoutes(app: FastifyInstance, assets: Assets): void {
  app.get<{ Params: { name: string } }>(
    "/static/:name",
    { schema: { params: { type: "object", properties: { name: { type: "string", maxLength: 120 } } }, querystring: noQuery } },
    async (request, reply) => {
      const asset = assets.files.get(request.params.name);
      if (!asset) return reply.callNotFound();
      return reply.header("content-type", asset.contentType).header("cache-control", "public, max-age=31536000, immutable").send(asset.body);
    },
  );
}
