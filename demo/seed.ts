// Loads the demo dataset into an empty database: site identity, themes, neighbourhoods,
// pages and news articles, each with a generated illustration (no photographs).
// Images are written first; the rows go in one transaction; if it fails, the image
// files are removed, so a failed seed leaves nothing behind.
import os from "node:os";
import sharp from "sharp";
import type { DB } from "../src/core/db/create-db.js";
import { sanitizeBody } from "../src/modules/content/index.js";
import { insertMedia, removeFiles, writeVariants, type Variants } from "../src/modules/media/store.js";
import { articles, neighbourhoods, pages, themes } from "./demo-content.js";
import { demoPerimeterFiles, demoSite } from "./demo-site.js";
import fs from "node:fs/promises";
import path from "node:path";
import { formatIssue, importQuartiers } from "../src/modules/policy/import/index.js";
import { illustrationSvg } from "./illustrations.js";
import { sitePages } from "./site-pages.js";
import { seedIdeas } from "./demo-ideas.js";
import { seedPolicy } from "./seed-policy.js";
import type { DemoIllustration, DemoPage } from "./types.js";
import { siteConfigured } from "../src/modules/site/index.js";

export interface SeedOptions {
  mediaDir: string;
  now?: Date;
  onProgress?: (message: string) => void;
}

/**
 * Loads the official perimeters of the demo territory from the shared open-data folder
 * when it exists (it is never copied into the repository). Returns what was loaded.
 */
export async function seedPerimeters(db: DB, dataDir: string, progress: (m: string) => void = () => {}): Promise<string[]> {
  const loaded: string[] = [];
  const file = path.join(dataDir, demoPerimeterFiles.quartiers);
  const text = await fs.readFile(file, "utf8").catch(() => null);
  if (text === null) {
    progress(`Périmètres : ${file} absent, les cartes attendront un import (npm run import -- quartiers <fichier>).`);
    return loaded;
  }
  const report = await importQuartiers(db, text, { sourceName: path.basename(file) });
  if (report.errors.length > 0) throw new Error(`Perimeters in ${file} are invalid: ${report.errors.map(formatIssue).join("; ")}`);
  progress(`Périmètres des quartiers chargés depuis ${file}.`);
  loaded.push(file);
  return loaded;
}

/** A database with site settings has been set up (by this seed or by an operator): never seed it again. */
export async function isSeeded(db: DB): Promise<boolean> {
  return siteConfigured(db);
}

const DAY = 86_400_000;

/** Runs tasks with at most `limit` at a time (sharp is CPU-bound; the machine is small). */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  });
  await Promise.all(workers);
  return results;
}

/** Orders pages so that every parent comes before its children. */
export function parentsFirst(list: DemoPage[]): DemoPage[] {
  const bySlug = new Map(list.map((p) => [p.slug, p]));
  const depth = (p: DemoPage, seen = new Set<string>()): number => {
    if (!p.parent) return 0;
    if (seen.has(p.slug)) throw new Error(`Page cycle at "${p.slug}"`);
    seen.add(p.slug);
    const parent = bySlug.get(p.parent);
    if (!parent) throw new Error(`Page "${p.slug}" has unknown parent "${p.parent}"`);
    return 1 + depth(parent, seen);
  };
  return [...list].sort((a, b) => depth(a) - depth(b));
}

export async function seedDemo(db: DB, opts: SeedOptions): Promise<{ articles: number; pages: number; media: number }> {
  const now = opts.now ?? new Date();
  const progress = opts.onProgress ?? (() => {});
  const allPages = parentsFirst([...pages, ...sitePages(demoSite.site_name)]);
  const accentBySlug = new Map(themes.map((t) => [t.slug, t.color]));

  type Illustrated = { illustration: DemoIllustration; themes: string[] };
  const illustrated: Illustrated[] = [...allPages.filter((p) => p.illustration !== null), ...articles] as Illustrated[];
  const written: Variants[] = [];
  let done = 0;
  progress(`Génération de ${illustrated.length} illustrations…`);
  try {
    const variants = await mapLimit(illustrated, Math.max(1, Math.min(2, os.availableParallelism())), async (item) => {
      const accent = accentBySlug.get(item.themes[0] ?? "") ?? demoSite.brand_color;
      const svg = illustrationSvg({ ...item.illustration, width: 1200, height: 675, accent });
      const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 92 }).toBuffer();
      const v = await writeVariants(opts.mediaDir, jpeg);
      written.push(v);
      done++;
      if (done % 10 === 0 || done === illustrated.length) progress(`  illustrations : ${done}/${illustrated.length}`);
      return v;
    });
    const variantOf = new Map(illustrated.map((item, i) => [item, variants[i]!]));

    progress("Écriture du contenu de démonstration…");
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("site_settings")
        .values({ id: 1, ...demoSite })
        .execute();

      const themeIds = new Map<string, number>();
      for (const [position, t] of themes.entries()) {
        const row = await trx
          .insertInto("themes")
          .values({ slug: t.slug, name: t.name, description: t.description, color: t.color, position })
          .returning("id")
          .executeTakeFirstOrThrow();
        themeIds.set(t.slug, row.id);
      }
      const placeIds = new Map<string, number>();
      for (const [position, n] of neighbourhoods.entries()) {
        const row = await trx
          .insertInto("neighbourhoods")
          .values({ slug: n.slug, name: n.name, kind: n.kind, code: n.code, description: n.description, position })
          .returning("id")
          .executeTakeFirstOrThrow();
        placeIds.set(n.slug, row.id);
      }

      const mediaFor = async (item: Illustrated | null) => {
        if (!item) return null;
        const v = variantOf.get(item)!;
        return insertMedia(trx, v, item.illustration);
      };
      const link = async (contentId: number, themeSlugs: string[], placeSlugs: string[]) => {
        if (themeSlugs.length > 0) {
          await trx
            .insertInto("content_themes")
            .values(themeSlugs.map((s, position) => ({ content_id: contentId, theme_id: lookup(themeIds, s, "theme"), position })))
            .execute();
        }
        if (placeSlugs.length > 0) {
          await trx
            .insertInto("content_neighbourhoods")
            .values(placeSlugs.map((s) => ({ content_id: contentId, neighbourhood_id: lookup(placeIds, s, "neighbourhood") })))
            .execute();
        }
      };

      const pageIds = new Map<string, { id: number; path: string }>();
      for (const [position, p] of allPages.entries()) {
        const parent = p.parent ? pageIds.get(p.parent)! : null;
        const path = `${parent ? parent.path : ""}/${p.slug}`;
        const heroId = await mediaFor(p.illustration ? (p as Illustrated) : null);
        const row = await trx
          .insertInto("content_items")
          .values({
            kind: "page",
            parent_id: parent?.id ?? null,
            slug: p.slug,
            path,
            title: p.title,
            standfirst: p.standfirst,
            body: sanitizeBody(p.body),
            status: "published",
            published_at: new Date(now.getTime() - 400 * DAY),
            hero_media_id: heroId,
            featured: p.featured,
            menu_title: p.menuTitle ?? null,
            menu_position: position,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        pageIds.set(p.slug, { id: row.id, path });
        await link(row.id, p.themes, p.neighbourhoods);
      }

      const articleIds = new Map<string, number>();
      for (const a of articles) {
        const heroId = await mediaFor(a);
        // Spread within the day too, so that no two articles share a timestamp.
        const publishedAt = new Date(now.getTime() - a.daysAgo * DAY - (5 + ((a.daysAgo * 7919) % 600)) * 60_000);
        const row = await trx
          .insertInto("content_items")
          .values({
            kind: "article",
            slug: a.slug,
            path: `/actualites/${a.slug}`,
            title: a.title,
            standfirst: a.standfirst,
            body: sanitizeBody(a.body),
            status: "published",
            published_at: publishedAt,
            created_at: publishedAt,
            updated_at: publishedAt,
            hero_media_id: heroId,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        articleIds.set(a.slug, row.id);
        await link(row.id, a.themes, a.neighbourhoods);
      }

      const pinnedRows = [
        ...articles.map((a) => ({ id: articleIds.get(a.slug)!, pinned: a.pinned ?? [] })),
        ...allPages.map((p) => ({ id: pageIds.get(p.slug)!.id, pinned: p.pinned ?? [] })),
      ].flatMap(({ id, pinned }) => pinned.map((slug, position) => ({ content_id: id, related_id: lookup(articleIds, slug, "article"), position })));
      if (pinnedRows.length > 0) await trx.insertInto("content_related").values(pinnedRows).execute();

      await seedPolicy(trx, { neighbourhoodIds: placeIds, articleIds });
      await seedIdeas(trx, { neighbourhoodIds: placeIds });
    });
  } catch (error) {
    await removeFiles(written.flatMap((v) => v.files));
    throw error;
  }
  progress(`Contenu prêt : ${articles.length} actualités, ${allPages.length} pages.`);
  return { articles: articles.length, pages: allPages.length, media: illustrated.length };
}

function lookup(map: Map<string, number>, slug: string, what: string): number {
  const id = map.get(slug);
  if (id === undefined) throw new Error(`Demo data refers to unknown ${what} "${slug}"`);
  return id;
}
