// View-models of the search page: results with their marked passages as text segments (the
// view renders <mark> itself; nothing from the content is ever inserted as HTML), and the URLs
// of every filter link, built from the filters actually applied.
import { formatDate } from "../../lib/format.js";
import { STATUS_LABELS } from "../policy/index.js";
import { MARK_END, MARK_START } from "./queries.js";
import type { AppliedFilters, TypeParam } from "./service.js";
import { TYPES } from "./service.js";

export interface Segment {
  text: string;
  mark: boolean;
}

/** Splits a passage marked by ts_headline into plain and marked segments. */
export function segments(marked: string): Segment[] {
  const out: Segment[] = [];
  let mark = false;
  let text = "";
  const flush = () => {
    if (text) out.push({ text, mark });
    text = "";
  };
  for (const ch of marked) {
    if (ch === MARK_START || ch === MARK_END) {
      flush();
      mark = ch === MARK_START;
    } else {
      text += ch;
    }
  }
  flush();
  return out;
}

export const KIND_LABELS: Record<string, string> = { article: "Actualité", page: "Page", action: "Action de la politique de la ville", proposal: "Idée" };
export const TYPE_LABELS: Record<TypeParam, string> = { actualite: "Actualités", page: "Pages", action: "Actions", idee: "Idées" };

export interface HitView {
  href: string;
  kindLabel: string;
  title: string;
  excerpt: Segment[];
  /** "Publiée le 3 mars 2026" (news), "Proposée le 3 mars 2026" (ideas) or "Début : 1er mars 2024" (actions); none for pages. */
  dateLabel: string | null;
  dateIso: string | null;
  statusLabel: string | null;
}

function day(iso: string): string {
  return formatDate(new Date(`${iso}T12:00:00Z`));
}

export function presentHit(row: {
  kind: string;
  path: string;
  title: string;
  excerpt?: string;
  teaser?: string;
  dated_on: string | null;
  status: string | null;
}): HitView {
  const isAction = row.kind === "action";
  return {
    href: row.path,
    kindLabel: KIND_LABELS[row.kind] ?? row.kind,
    title: row.title,
    excerpt: row.excerpt !== undefined ? segments(row.excerpt) : [{ text: row.teaser ?? "", mark: false }],
    dateLabel:
      row.dated_on && row.kind !== "page"
        ? isAction
          ? `Début : ${day(row.dated_on)}`
          : `${row.kind === "proposal" ? "Proposée" : "Publiée"} le ${day(row.dated_on)}`
        : null,
    dateIso: row.dated_on,
    statusLabel: isAction && row.status ? (STATUS_LABELS[row.status] ?? row.status) : null,
  };
}

/** The URL parameters of a search (page excluded), in a stable order. */
export function searchParams(query: string, f: AppliedFilters): Record<string, string> {
  const p: Record<string, string> = {};
  if (query) p.q = query;
  if (f.type) p.type = f.type;
  if (f.theme) p.theme = f.theme.slug;
  if (f.quartier) p.quartier = f.quartier.slug;
  if (f.qpv) p.qpv = f.qpv.slug;
  if (f.du) p.du = f.du;
  if (f.au) p.au = f.au;
  if (f.statut) p.statut = f.statut;
  return p;
}

export function searchHref(params: Record<string, string | undefined>, page = 1): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) qs.set(k, v);
  if (page > 1) qs.set("page", String(page));
  const s = qs.toString();
  return s ? `/recherche?${s}` : "/recherche";
}

export interface FacetLink {
  label: string;
  /** null: too many results to count. */
  count: number | null;
  href: string;
  current: boolean;
}

/** "Tout (12) · Actualités (8) · Pages (1) · Actions (3)": links that keep the other filters. */
export function kindFacets(query: string, f: AppliedFilters, counts: Map<string, number> | null): FacetLink[] {
  const params = searchParams(query, f);
  const all = counts ? [...counts.values()].reduce((a, b) => a + b, 0) : null;
  const links: FacetLink[] = [{ label: "Tout", count: all, href: searchHref({ ...params, type: undefined }), current: f.type === null }];
  for (const [type, kind] of Object.entries(TYPES) as [TypeParam, string][]) {
    links.push({ label: TYPE_LABELS[type], count: counts ? (counts.get(kind) ?? 0) : null, href: searchHref({ ...params, type }), current: f.type === type });
  }
  return links;
}

export interface ActiveFilter {
  label: string;
  /** The same search without this filter. */
  removeHref: string;
}

export function activeFilters(query: string, f: AppliedFilters): ActiveFilter[] {
  const params = searchParams(query, f);
  const without = (key: string) => searchHref({ ...params, [key]: undefined });
  const out: ActiveFilter[] = [];
  if (f.type) out.push({ label: `Type : ${TYPE_LABELS[f.type]}`, removeHref: without("type") });
  if (f.theme) out.push({ label: `Thème : ${f.theme.name}`, removeHref: without("theme") });
  if (f.quartier) out.push({ label: `Quartier : ${f.quartier.name}`, removeHref: without("quartier") });
  if (f.qpv) out.push({ label: `QPV : ${f.qpv.name}`, removeHref: without("qpv") });
  if (f.du) out.push({ label: `Depuis le ${day(f.du)}`, removeHref: without("du") });
  if (f.au) out.push({ label: `Jusqu’au ${day(f.au)}`, removeHref: without("au") });
  if (f.statut) out.push({ label: `État : ${STATUS_LABELS[f.statut] ?? f.statut}`, removeHref: without("statut") });
  return out;
}
