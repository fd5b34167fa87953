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
  files: Map<string, Asset>;
}

let building: Promise<Assets> | null = null;

/** Built once per process: the sources do not change while it runs. */
export function buildAssets(): Promise<Assets> {
  building ??= doBuild();
  return building;
}

async function doBuild(): Promise<Assets> {
  const [js, css] = await Promise.all([
    esbuild.build({
      entryPoints: [path.join(SRC, "client/index.ts")],
      bundle: true,
      minify: true,
      format: "iife",
      target: ["es2020", "chrome90", "firefox88", "safari14"],
      write: false,
      legalComments: "none",
    }),
    esbuild.build({
      entryPoints: [path.join(SRC, "ui/styles/main.css")],
      bundle: true,
      minify: true,
      write: false,
      target: ["chrome90", "firefox88", "safari14"],
      loader: { ".svg": "dataurl" },
    }),
  ]);
  const files = new Map<string, Asset>();
  const add = (content: Uint8Array, ext: string, contentType: string) => {
    const body = Buffer.from(content);
    const hash = crypto.createHash("sha256").update(body).digest("hex").slice(0, 12);
    const name = `app.${hash}.${ext}`;
    files.set(name, { body, contentType });
    return `/static/${name}`;
  };
  return {
    js: add(js.outputFiles[0]!.contents, "js", "text/javascript; charset=utf-8"),
    css: add(css.outputFiles[0]!.contents, "css", "text/css; charset=utf-8"),
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
