// Media rows -> view-models of the back-office pages.
import { formatDateTime, formatNumber } from "../../lib/format.js";
import type { ImageView } from "../../ui/view-models.js";
import { formatsOf, mediaUrl, presentImage } from "./present.js";
import type { MediaDetailRow, MediaListRow } from "./queries.js";
import type { MediaUse } from "./usage.js";
import { inUseMessage } from "./usage.js";

export const ACCEPT = "image/jpeg,image/png,image/webp";

export interface MediaListItemView {
  id: number;
  href: string;
  thumbSrc: string;
  thumbWidth: number;
  thumbHeight: number;
  alt: string;
  caption: string;
  credit: string;
  originalName: string;
  dimensions: string;
  size: string;
  createdAt: string;
  uploader: string;
  usage: string;
  incomplete: boolean;
}

export interface UseView {
  title: string;
  adminHref: string;
  publicHref: string | null;
  kind: string;
  status: string;
  as: string;
}

export interface MediaDetailView {
  id: number;
  href: string;
  image: ImageView;
  thumbSrc: string;
  thumbWidth: number;
  thumbHeight: number;
  alt: string;
  originalName: string;
  dimensions: string;
  size: string;
  formats: string;
  createdAt: string;
  uploader: string;
  incomplete: boolean;
  missing: string[];
  uses: UseView[];
  usageLabel: string;
  canEdit: boolean;
  canDelete: boolean;
}

const THUMB_WIDTH = 96;

/** "1,2 Mo", "350 ko". */
export function formatBytes(bytes: number): string {
  if (bytes <= 0) return "Inconnu";
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} ko`;
  return `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} Mo`;
}

function uploaderOf(row: { uploader_name: string | null; uploader_email: string | null; uploaded_by: number | null }): string {
  if (row.uploader_name) return `par ${row.uploader_name}`;
  if (row.uploader_email) return `par ${row.uploader_email}`;
  return row.uploaded_by === null ? "import ou démonstration" : "compte supprimé";
}

function missingOf(row: { alt: string; caption: string; credit: string }): string[] {
  return [row.alt ? null : "le texte alternatif", row.caption ? null : "la légende", row.credit ? null : "le crédit"].filter((x): x is string => x !== null);
}

function thumb(row: { file_key: string; variant_widths: number[]; width: number; height: number }) {
  const smallest = [...row.variant_widths].sort((a, b) => a - b)[0] ?? row.width;
  return {
    thumbSrc: mediaUrl(row.file_key, smallest, "jpg"),
    thumbWidth: THUMB_WIDTH,
    thumbHeight: Math.max(1, Math.round((row.height * THUMB_WIDTH) / row.width)),
  };
}

export function usageLabel(count: number): string {
  if (count === 0) return "Non utilisée";
  return count === 1 ? "Utilisée dans 1 contenu" : `Utilisée dans ${count} contenus`;
}

export function presentListItem(row: MediaListRow): MediaListItemView {
  return {
    id: row.id,
    href: `/admin/medias/${row.id}`,
    ...thumb(row),
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    originalName: row.original_name,
    dimensions: `${row.width} × ${row.height} px`,
    size: formatBytes(row.size_bytes),
    createdAt: formatDateTime(row.created_at),
    uploader: uploaderOf(row),
    usage: usageLabel(row.usage_count),
    incomplete: missingOf(row).length > 0,
  };
}

const KIND: Record<string, string> = { article: "actualité", page: "page" };
const STATUS: Record<string, string> = {
  draft: "brouillon",
  review: "en relecture",
  scheduled: "programmé",
  published: "publié",
  unpublished: "dépublié",
  archived: "archivé",
};
const AS: Record<MediaUse["as"], string> = { hero: "image principale", body: "dans le texte", "hero+body": "image principale et dans le texte" };

export function presentUse(use: MediaUse): UseView {
  return {
    title: use.title,
    adminHref: `/admin/contenus/${use.id}`,
    publicHref: use.status === "published" ? use.path : null,
    kind: KIND[use.kind] ?? use.kind,
    status: STATUS[use.status] ?? use.status,
    as: AS[use.as],
  };
}

export function presentDetail(row: MediaDetailRow, uses: MediaUse[], rights: { canEdit: boolean; canDelete: boolean }): MediaDetailView {
  const image = presentImage(row);
  if (!image) throw new Error(`Media ${row.id} has no variants`);
  const missing = missingOf(row);
  return {
    id: row.id,
    href: `/admin/medias/${row.id}`,
    image,
    ...thumb(row),
    alt: row.alt,
    originalName: row.original_name,
    dimensions: `${row.width} × ${row.height} px`,
    size: formatBytes(row.size_bytes),
    formats: `${formatsOf(row)
      .map((f) => (f === "jpg" ? "JPEG" : f.toUpperCase()))
      .join(", ")} ; largeurs ${[...row.variant_widths].sort((a, b) => a - b).join(", ")} px`,
    createdAt: formatDateTime(row.created_at),
    uploader: uploaderOf(row),
    incomplete: missing.length > 0,
    missing,
    uses: uses.map(presentUse),
    usageLabel: uses.length === 0 ? usageLabel(0) : `${usageLabel(uses.length)}.`,
    canEdit: rights.canEdit,
    canDelete: rights.canDelete,
  };
}

export { inUseMessage };
