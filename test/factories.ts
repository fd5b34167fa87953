// Factories: each creates what it needs (a theme for an article, a parent for a page)
// with unique values, so tests never depend on shared seed data.
import crypto from "node:crypto";
import { rmSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { DB } from "../src/core/db/create-db.js";
import type { ContentStatus } from "../src/core/db/schema.js";
import { sanitizeBody } from "../src/modules/content/sanitize.js";
import { insertMedia, writeVariants, type Variants } from "../src/modules/media/store.js";

let seq = 0;
const next = () => ++seq + Math.floor(Math.random() * 1e6) * 1000;

export async function createSite(db: DB, values: Partial<{ site_name: string; short_name: string; tagline: string }> = {}) {
  await db
    .insertInto("site_settings")
    .values({ id: 1, site_name: values.site_name ?? "Ville d’Exemple", short_name: values.short_name ?? "Exemple", tagline: values.tagline ?? "" })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

export async function createTheme(db: DB, values: Partial<{ slug: string; name: string; color: string; description: string }> = {}) {
  const n = next();
  return db
    .insertInto("themes")
    .values({
      slug: values.slug ?? `theme-${n}`,
      name: values.name ?? `Thème ${n}`,
      color: values.color ?? "#1d4f91",
      description: values.description ?? "",
    })
    .returning(["id", "slug", "name"])
    .executeTakeFirstOrThrow();
}

export async function createNeighbourhood(
  db: DB,
  values: Partial<{ slug: string; name: string; kind: "quartier" | "commune" | "qpv"; code: string | null }> = {},
) {
  const n = next();
  return db
    .insertInto("neighbourhoods")
    .values({
      slug: values.slug ?? `quartier-${n}`,
      name: values.name ?? `Quartier ${n}`,
      kind: values.kind ?? "quartier",
      code: values.code ?? null,
    })
    .returning(["id", "slug", "name"])
    .executeTakeFirstOrThrow();
}

// Every factory image is the same picture: its variants are encoded once per worker (about
// 170 ms of CPU: a browser journey's world has nine images), then each new media row gets its
// own copies of the files under a fresh key, as the pipeline would have written them.
let sample: Promise<Variants> | undefined;
function sampleVariants(): Promise<Variants> {
  sample ??= (async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-factory-image-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    const input = await sharp({ create: { width: 1200, height: 675, channels: 3, background: { r: 30, g: 80, b: 140 } } })
      .jpeg()
      .toBuffer();
    return writeVariants(dir, input);
  })();
  return sample;
}

export async function createImage(db: DB, mediaDir: string, meta: Partial<{ alt: string; caption: string; credit: string }> = {}) {
  const variants = await sampleVariants();
  const key = crypto.randomUUID();
  await fs.mkdir(mediaDir, { recursive: true });
  const files = await Promise.all(
    variants.files.map(async (file) => {
      const copy = path.join(mediaDir, path.basename(file).replace(variants.key, key));
      await fs.copyFile(file, copy);
      return copy;
    }),
  );
  return insertMedia(
    db,
    { ...variants, key, files },
    {
      alt: meta.alt ?? "Illustration de test",
      caption: meta.caption ?? "Légende de test",
      credit: meta.credit ?? "Photo Test T.",
    },
  );
}

export interface ContentValues {
  kind: "article" | "page";
  slug: string;
  title: string;
  standfirst: string;
  body: string;
  status: ContentStatus;
  publishedAt: Date | null;
  themeIds: number[];
  neighbourhoodIds: number[];
  heroMediaId: number | null;
  parent: { id: number; path: string } | null;
  featured: boolean;
  menuTitle: string | null;
  pinnedIds: number[];
}

export async function createContent(db: DB, values: Partial<ContentValues> = {}) {
  const n = next();
  const kind = values.kind ?? "article";
  const slug = values.slug ?? `contenu-${n}`;
  const path = kind === "article" ? `/actualites/${slug}` : `${values.parent?.path ?? ""}/${slug}`;
  const status = values.status ?? "published";
  const publishedAt = values.publishedAt !== undefined ? values.publishedAt : status === "published" ? new Date(Date.now() - 3600_000) : null;
  const row = await db
    .insertInto("content_items")
    .values({
      kind,
      slug,
      path,
      parent_id: values.parent?.id ?? null,
      title: values.title ?? `Titre ${n}`,
      standfirst: values.standfirst ?? `Chapô du contenu ${n}.`,
      body: sanitizeBody(values.body ?? `<p>Corps du contenu ${n}.</p>`),
      status,
      published_at: publishedAt,
      hero_media_id: values.heroMediaId ?? null,
      featured: values.featured ?? false,
      menu_title: values.menuTitle ?? null,
    })
    .returning(["id", "path", "slug", "title", "kind"])
    .executeTakeFirstOrThrow();
  if (values.themeIds?.length) {
    await db
      .insertInto("content_themes")
      .values(values.themeIds.map((theme_id, position) => ({ content_id: row.id, theme_id, position })))
      .execute();
  }
  if (values.neighbourhoodIds?.length) {
    await db
      .insertInto("content_neighbourhoods")
      .values(values.neighbourhoodIds.map((neighbourhood_id) => ({ content_id: row.id, neighbourhood_id })))
      .execute();
  }
  if (values.pinnedIds?.length) {
    await db
      .insertInto("content_related")
      .values(values.pinnedIds.map((related_id, position) => ({ content_id: row.id, related_id, position })))
      .execute();
  }
  return row;
}

export const createArticle = (db: DB, values: Partial<ContentValues> = {}) => createContent(db, { ...values, kind: "article" });
export const createPage = (db: DB, values: Partial<ContentValues> = {}) => createContent(db, { ...values, kind: "page" });

// ---- Politique de la Ville
export async function createContract(db: DB, values: Partial<{ slug: string; name: string; generation: "2015" | "2024"; rule: "budget" | "equal" }> = {}) {
  const n = next();
  return db
    .insertInto("contracts")
    .values({
      slug: values.slug ?? `contrat-${n}`,
      name: values.name ?? `Contrat ${n}`,
      generation: values.generation ?? "2024",
      period_start: values.generation === "2015" ? 2015 : 2024,
      period_end: values.generation === "2015" ? 2023 : 2030,
      progress_rule: values.rule ?? "budget",
    })
    .returning(["id", "slug", "name"])
    .executeTakeFirstOrThrow();
}

export async function createPriority(db: DB, values: Partial<{ contractId: number; slug: string; title: string }> = {}) {
  const n = next();
  const contractId = values.contractId ?? (await createContract(db)).id;
  return db
    .insertInto("priorities")
    .values({ contract_id: contractId, slug: values.slug ?? `priorite-${n}`, title: values.title ?? `Priorité ${n}` })
    .returning(["id", "slug", "title", "contract_id"])
    .executeTakeFirstOrThrow();
}

export async function createOrganisation(db: DB, values: Partial<{ slug: string; name: string }> = {}) {
  const n = next();
  return db
    .insertInto("organisations")
    .values({ slug: values.slug ?? `organisation-${n}`, name: values.name ?? `Organisation ${n}` })
    .returning(["id", "slug", "name"])
    .executeTakeFirstOrThrow();
}

export interface ActionValues {
  priorityId: number;
  slug: string;
  title: string;
  status: "planned" | "in_progress" | "completed" | "delayed" | "cancelled";
  progress: number;
  leadId: number | null;
  partnerIds: number[];
  neighbourhoodIds: number[];
  funding: Array<{ funder: string; amount: number; year: number }>;
  milestones: Array<{ date: string; title: string; done: boolean }>;
  articleIds: number[];
  startDate: string;
  endDate: string;
  isExample: boolean;
}

export async function createAction(db: DB, values: Partial<ActionValues> = {}) {
  const n = next();
  const priorityId = values.priorityId ?? (await createPriority(db)).id;
  const row = await db
    .insertInto("actions")
    .values({
      slug: values.slug ?? `action-${n}`,
      priority_id: priorityId,
      title: values.title ?? `Action ${n}`,
      summary: `Résumé de l’action ${n}.`,
      description: `<p>Description de l’action ${n}.</p>`,
      status: values.status ?? "in_progress",
      progress: values.progress ?? 50,
      lead_organisation_id: values.leadId ?? null,
      start_date: values.startDate ?? "2024-03-01",
      end_date: values.endDate ?? "2027-06-30",
      is_example: values.isExample ?? false,
    })
    .returning(["id", "slug", "title"])
    .executeTakeFirstOrThrow();
  if (values.partnerIds?.length)
    await db
      .insertInto("action_partners")
      .values(values.partnerIds.map((organisation_id) => ({ action_id: row.id, organisation_id })))
      .execute();
  if (values.neighbourhoodIds?.length)
    await db
      .insertInto("action_neighbourhoods")
      .values(values.neighbourhoodIds.map((neighbourhood_id) => ({ action_id: row.id, neighbourhood_id })))
      .execute();
  if (values.funding?.length)
    await db
      .insertInto("funding_lines")
      .values(values.funding.map((f) => ({ action_id: row.id, ...f })))
      .execute();
  if (values.milestones?.length)
    await db
      .insertInto("milestones")
      .values(values.milestones.map((m, position) => ({ action_id: row.id, due_date: m.date, title: m.title, done: m.done, position })))
      .execute();
  if (values.articleIds?.length)
    await db
      .insertInto("action_articles")
      .values(values.articleIds.map((content_id) => ({ action_id: row.id, content_id })))
      .execute();
  return row;
}
