// Builds the client script and the stylesheet with esbuild when the app starts, and
// serves them from memory under content-hashed names with a one-year immutable cache.
// Building at start keeps "npm start" a single step; it takes well under a second.
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import type { FastifyInstance } from "fastify";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

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

/** Built once per process: the sources do not change while it runs. */
export function buildAssets(): Promise<Assets> {
  building ??= doBuild();
  return building;
}

const SCRIPT_TARGETS = ["es2020", "chrome90", "firefox88", "safari14"];
// Tiptap/ProseMirror use destructuring that esbuild cannot lower for Safari 14: the back
// office asks for Safari 15 (2021) or later; the public site keeps Safari 14.
const ADMIN_SCRIPT_TARGETS = ["es2020", "chrome90", "firefox88", "safari15"];
const STYLE_TARGETS = ["chrome90", "firefox88", "safari14"];

function buildScript(entry: string, target = SCRIPT_TARGETS) {
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

function buildStyles(entry: string) {
  return esbuild.build({
    entryPoints: [path.join(SRC, entry)],
    bundle: true,
    minify: true,
    write: false,
    target: STYLE_TARGETS,
    loader: { ".svg": "dataurl" },
  });
}

async function doBuild(): Promise<Assets> {
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
  app.get<{ Params: { name: string } }>("/static/:name", async (request, reply) => {
    const asset = assets.files.get(request.params.name);
    if (!asset) return reply.callNotFound();
    return reply
      .header("content-type", asset.contentType)
      .header("cache-control", "public, max-age=31536000, immutable")
      .send(asset.body);
  });
}
