// Loads what each back-office content page shows, as view-models (never raw rows).
import { can } from "../../../core/auth/roles.js";
import { canEditContent } from "../can-edit.js";
import type { ContentKind, ContentStatus, RevisionOrigin } from "../../../core/db/schema.js";
import { ForbiddenError, NotFoundError } from "../../../core/errors.js";
import { diffWords } from "../../../lib/diff.js";
import { plainText } from "../../../lib/text.js";
import { pageNumber } from "../../../core/http/form.js";
import { listNeighbourhoods, listThemes } from "../../places/index.js";
import { formatsOf, mediaUrl } from "../../media/index.js";
import { compareRevisions, countRevisions, currentSnapshot, listRevisions, loadRevision, revisionOrigin, type Snapshot } from "../revisions.js";
import * as q from "./queries.js";
import { allowedActions, type AdminDeps, type EditorActor } from "./service.js";
import type { ContentFormValues } from "./validate.js";
import type { Errors } from "../../../ui/components/form.js";
import type { EditData, HeroOption } from "./views/edit.js";
import type { ConflictData, FieldDiffView, RevisionsData } from "./views/history.js";
import type { ListData, ListFilters } from "./views/list.js";

const STATUSES: readonly ContentStatus[] = ["draft", "review", "scheduled", "published", "unpublished", "archived"];
const HERO_CHOICES = 24;

function positiveId(v: string): number | undefined {
  return /^\d{1,9}$/.test(v) ? Number(v) : undefined;
}

export function parseListQuery(query: Record<string, string | undefined>): ListFilters & { page: number } {
  return {
    q: (query.q ?? "").replace(/\s+/g, " ").trim().slice(0, 200),
    type: query.type === "article" || query.type === "page" ? query.type : "",
    statut: STATUSES.includes(query.statut as ContentStatus) ? (query.statut as string) : "",
    theme: positiveId(query.theme ?? "") !== undefined ? query.theme! : "",
    quartier: positiveId(query.quartier ?? "") !== undefined ? query.quartier! : "",
    auteur: positiveId(query.auteur ?? "") !== undefined ? query.auteur! : "",
    tri: query.tri === "ancien" ? "ancien" : "recent",
    page: pageNumber(query.page),
  };
}

export async function loadList(deps: AdminDeps, actor: EditorActor, f: ListFilters & { page: number }): Promise<ListData> {
  const [list, themes, places, authors] = await Promise.all([
    q.listForAdmin(deps.db, {
      query: f.q || undefined,
      kind: (f.type || undefined) as ContentKind | undefined,
      status: (f.statut || undefined) as ContentStatus | undefined,
      themeId: f.theme ? Number(f.theme) : undefined,
      neighbourhoodId: f.quartier ? Number(f.quartier) : undefined,
      authorId: f.auteur ? Number(f.auteur) : undefined,
      sort: f.tri === "ancien" ? "oldest" : "recent",
      limit: q.ADMIN_PAGE_SIZE,
      offset: (f.page - 1) * q.ADMIN_PAGE_SIZE,
    }),
    listThemes(deps.db),
    listNeighbourhoods(deps.db),
    q.listAuthors(deps.db),
  ]);
  const pageCount = Math.max(1, Math.ceil(list.total / q.ADMIN_PAGE_SIZE));
  if (f.page > pageCount) throw new NotFoundError("Page out of range");
  return {
    filters: f,
    rows: list.rows.map((r) => ({
      id: r.id,
      title: r.title,
      path: r.path,
      kind: r.kind,
      status: r.status,
      scheduledAt: r.scheduled_at,
      author: r.author_name,
      updatedAt: r.updated_at,
    })),
    total: list.total,
    more: list.more,
    page: f.page,
    pageCount,
    themes: themes.map((t) => ({ value: String(t.id), label: t.name })),
    neighbourhoods: places.map((n) => ({ value: String(n.id), label: n.name })),
    authors: authors.map((a) => ({ value: String(a.id), label: a.name })),
    canCreate: can(actor, "content.create"),
    editable: new Set(list.rows.filter((r) => canEditContent(actor, { authorId: r.author_id, status: r.status })).map((r) => r.id)),
  };
}

export function emptyValues(): ContentFormValues {
  return { title: "", slug: "", standfirst: "", body: "", themes: [], neighbourhoods: [], hero: "", parent: "", related1: "", related2: "", related3: "" };
}

export interface EditOverrides {
  values?: ContentFormValues;
  errors?: Errors;
  notice?: string | null;
  schedule?: { date: string; time: string; errors: Errors };
  previewLink?: { url: string; expiresAt: Date } | null;
  /** Words typed in the hero picker's search (the form is shown again, nothing saved). */
  imageSearch?: string;
  /**
   * The version the person's form was loaded with, when it is shown again (errors, image
   * search): keeping it is what lets the next save detect someone else's change meanwhile.
   */
  version?: number;
}

export async function loadEdit(deps: AdminDeps, actor: EditorActor, target: { id: number } | { kind: ContentKind }, o: EditOverrides = {}): Promise<EditData> {
  const row = "id" in target ? await q.findForEdit(deps.db, target.id) : null;
  if ("id" in target && !row) throw new NotFoundError();
  if (row && !canEditContent(actor, { authorId: row.author_id, status: row.status })) throw new ForbiddenError("May not edit this item");
  if (!row && !can(actor, "content.create")) throw new ForbiddenError("May not create");
  const kind = row?.kind ?? ("kind" in target ? target.kind : "article");
  const links = row ? await q.findLinks(deps.db, row.id) : null;
  const [themes, places, parents, media, revisions] = await Promise.all([
    listThemes(deps.db),
    listNeighbourhoods(deps.db),
    kind === "page" ? q.listParentOptions(deps.db, row ? { id: row.id, path: row.path } : null) : Promise.resolve([]),
    q.listHeroCandidates(
      deps.db,
      HERO_CHOICES,
      o.values?.hero && /^\d{1,9}$/.test(o.values.hero) ? Number(o.values.hero) : (row?.hero_media_id ?? null),
      o.imageSearch ?? "",
    ),
    row ? countRevisions(deps.db, row.id) : Promise.resolve(0),
  ]);
  const values: ContentFormValues =
    o.values ??
    (row && links
      ? {
          title: row.title,
          slug: row.slug,
          standfirst: row.standfirst,
          body: row.body,
          themes: links.themeIds.map(String),
          neighbourhoods: links.neighbourhoodIds.map(String),
          hero: row.hero_media_id === null ? "" : String(row.hero_media_id),
          parent: row.parent_id === null ? "" : String(row.parent_id),
          related1: links.related[0]?.path ?? "",
          related2: links.related[1]?.path ?? "",
          related3: links.related[2]?.path ?? "",
        }
      : emptyValues());
  const heroes: HeroOption[] = media.map((m) => {
    const smallest = [...m.variant_widths].sort((a, b) => a - b)[0];
    const formats = formatsOf(m);
    const format = formats.includes("jpg") ? "jpg" : formats[0];
    return {
      id: m.id,
      thumb: smallest !== undefined && format ? mediaUrl(m.file_key, smallest, format) : null,
      alt: m.alt,
      credit: m.credit,
      usable: Boolean(m.alt.trim() && m.caption.trim() && m.credit.trim()),
    };
  });
  const allowed = row ? allowedActions(actor, row) : { workflow: [], canDelete: false, canEdit: true, canRestore: false };
  const now = deps.now();
  return {
    kind,
    item: row
      ? {
          id: row.id,
          version: o.version ?? row.version,
          status: row.status,
          path: row.path,
          createdAt: row.created_at,
          updatedAt: row.updated_at,
          updatedBy: row.updated_by_name,
          author: row.author_name,
          publishedAt: row.published_at,
          scheduledAt: row.scheduled_at,
          previewExpiresAt: row.preview_expires_at && row.preview_expires_at > now ? row.preview_expires_at : null,
          revisionCount: revisions,
        }
      : null,
    values,
    errors: o.errors ?? {},
    themes: themes.map((t) => ({ value: String(t.id), label: t.name })),
    neighbourhoods: places.map((n) => ({ value: String(n.id), label: n.name })),
    parents: parents.map((p) => ({ value: String(p.id), label: `${p.title} (${p.path})` })),
    heroes,
    relatedTitles: Object.fromEntries(
      (links?.related ?? [])
        .slice(0, 3)
        .map((r, i) => [`related${i + 1}`, r.status === "published" ? r.title : `${r.title} (non publié : ne sera pas affiché)`]),
    ),
    workflow: allowed.workflow,
    canDelete: allowed.canDelete,
    canShare: row ? allowed.canEdit || can(actor, "content.publish", { authorId: row.author_id, status: row.status }) : false,
    notice: o.notice ?? null,
    schedule: o.schedule ?? { date: "", time: "", errors: {} },
    previewLink: o.previewLink ?? null,
    imageSearch: o.imageSearch ?? "",
  };
}

function snapshotDiffs(a: Snapshot, b: Snapshot): FieldDiffView[] {
  return (["title", "slug", "standfirst", "body"] as const)
    .map((field) => ({ field, parts: field === "body" ? diffWords(plainText(a.body), plainText(b.body)) : diffWords(a[field], b[field]) }))
    .filter((d) => d.parts.some((p) => p.kind !== "same"));
}

async function itemOrThrow(deps: AdminDeps, id: number) {
  const row = await q.findForEdit(deps.db, id);
  if (!row) throw new NotFoundError();
  return row;
}

export async function loadRevisions(deps: AdminDeps, actor: EditorActor, id: number, query: { de?: string; a?: string }): Promise<RevisionsData> {
  const row = await itemOrThrow(deps, id);
  const list = await listRevisions(deps.db, id);
  const rows = list.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    author: r.display_name || r.email || null,
    origin: r.origin as RevisionOrigin,
    title: r.title,
  }));
  let compare: RevisionsData["compare"] = null;
  const fromId = positiveId(query.de ?? "");
  const toId = positiveId(query.a ?? "");
  const from = fromId !== undefined ? rows.find((r) => r.id === fromId) : rows[1];
  const to = toId !== undefined ? rows.find((r) => r.id === toId) : rows[0];
  if ((fromId !== undefined && !from) || (toId !== undefined && !to)) throw new NotFoundError("Unknown revision");
  if (from && to && from.id !== to.id) {
    compare = { from, to, diffs: await compareRevisions(deps.db, id, from.id, to.id) };
  }
  const subject = { authorId: row.author_id, status: row.status };
  return {
    item: { id: row.id, title: row.title, version: row.version, editable: canEditContent(actor, subject) },
    rows,
    compare,
    canRestore: can(actor, "revision.restore", subject) && canEditContent(actor, subject),
    errors: {},
  };
}

export async function loadConflict(deps: AdminDeps, actor: EditorActor, id: number, revisionId: number): Promise<ConflictData> {
  const row = await itemOrThrow(deps, id);
  const subject = { authorId: row.author_id, status: row.status };
  if (!canEditContent(actor, subject)) throw new ForbiddenError("May not edit this item");
  if ((await revisionOrigin(deps.db, id, revisionId)) !== "conflict") throw new NotFoundError();
  const [saved, mine] = await Promise.all([currentSnapshot(deps.db, id), loadRevision(deps.db, id, revisionId)]);
  const text = (s: Snapshot) => ({ title: s.title, standfirst: s.standfirst, body: plainText(s.body) });
  return {
    item: { id: row.id, title: row.title, version: row.version },
    savedBy: row.updated_by_name,
    savedAt: row.updated_at,
    revisionId,
    saved: text(saved),
    mine: text(mine),
    diffs: snapshotDiffs(saved, mine),
    canRestore: can(actor, "revision.restore", subject),
  };
}

/** The delete confirmation page. */
export async function loadDelete(deps: AdminDeps, id: number): Promise<{ id: number; title: string; published: boolean }> {
  const row = await q.findItemRef(deps.db, { id });
  if (!row) throw new NotFoundError();
  return { id: row.id, title: row.title, published: row.status === "published" };
}
