// Proposal rows -> what the pages show (explicit fields: no e-mail, no account id of anyone
// but the viewer's own checks).
import type { ImageView } from "../../../ui/view-models.js";
import { presentImage } from "../../media/index.js";
import { ORGANISATION_KINDS } from "../../policy/index.js";
import type { ProposalRow } from "./queries.js";
import { SLUG_OF_STATUS, STATUS_LABELS } from "./rules.js";
import type { ProposalStatus } from "./schema.js";

export const proposalPath = (p: { id: number; slug: string }) => `/participation/idees/${p.id}-${p.slug}`;

/** The colour class of a status (the Politique de la Ville status tags, policy.css). */
const STATUS_CLASS: Record<ProposalStatus, string> = {
  received: "status status--planned",
  under_study: "status status--in_progress",
  accepted: "status status--completed",
  rejected: "status status--cancelled",
};

export interface StatusView {
  value: ProposalStatus;
  slug: string;
  label: string;
  className: string;
}

export function presentStatus(status: ProposalStatus): StatusView {
  return { value: status, slug: SLUG_OF_STATUS[status], label: STATUS_LABELS[status], className: STATUS_CLASS[status] };
}

/** Who the idea is from, as shown: a person, an organisation, an assisted entry, or an erased account. */
export interface BylineView {
  kind: "person" | "organisation" | "assisted" | "deleted";
  /** "Idée de …" */
  name: string;
  /** "saisie assistée par …" for an assisted entry. */
  assistedBy: string | null;
  /** The organisation's kind in French ("Conseil citoyen"). */
  organisationKind: string | null;
}

export function presentByline(
  row: Pick<ProposalRow, "author_id" | "author_name" | "organisation_name" | "organisation_kind" | "resident_name" | "assisted_by_name">,
): BylineView {
  if (row.resident_name !== null) return { kind: "assisted", name: row.resident_name, assistedBy: row.assisted_by_name, organisationKind: null };
  if (row.organisation_name !== null)
    return {
      kind: "organisation",
      name: row.organisation_name,
      assistedBy: null,
      organisationKind: row.organisation_kind ? (ORGANISATION_KINDS[row.organisation_kind] ?? null) : null,
    };
  if (row.author_id === null) return { kind: "deleted", name: "Participant supprimé", assistedBy: null, organisationKind: null };
  return { kind: "person", name: row.author_name?.trim() || "Un habitant", assistedBy: null, organisationKind: null };
}

export interface ProposalCardView {
  id: number;
  href: string;
  title: string;
  excerpt: string;
  status: StatusView;
  neighbourhood: { name: string; href: string };
  priority: string | null;
  byline: BylineView;
  createdAt: Date;
  supports: number;
}

export interface ProposalView extends ProposalCardView {
  paragraphs: string[];
  answer: string[];
  answeredAt: Date | null;
  action: { title: string; href: string } | null;
  contract: string | null;
  moderation: "pending" | "visible" | "hidden";
  moderationReason: string;
  open: boolean;
  /** The image the author added (media pipeline: re-encoded, no EXIF), with its alt text. */
  image: ImageView | null;
}

function imageOf(row: ProposalRow): ImageView | null {
  if (row.image_file_key === null || row.image_variant_widths === null) return null;
  return presentImage({
    file_key: row.image_file_key,
    variant_widths: row.image_variant_widths,
    formats: row.image_formats,
    width: row.image_width ?? 0,
    height: row.image_height ?? 0,
    alt: row.image_alt ?? "",
    caption: "",
    credit: "",
    focal_x: row.image_focal_x ?? 0.5,
    focal_y: row.image_focal_y ?? 0.5,
  });
}

/** Paragraphs of a plain text (blank lines separate them; single line breaks are kept by CSS). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

function excerpt(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

export function presentCard(row: ProposalRow): ProposalCardView {
  return {
    id: row.id,
    href: proposalPath(row),
    title: row.title,
    excerpt: excerpt(row.description),
    status: presentStatus(row.status),
    neighbourhood: { name: row.neighbourhood_name, href: `/quartiers/${row.neighbourhood_slug}` },
    priority: row.priority_title,
    byline: presentByline(row),
    createdAt: row.created_at,
    supports: Number(row.supports),
  };
}

export function presentProposal(row: ProposalRow): ProposalView {
  return {
    ...presentCard(row),
    paragraphs: paragraphs(row.description),
    answer: paragraphs(row.answer),
    answeredAt: row.answered_at,
    action: row.action_slug && row.action_title ? { title: row.action_title, href: `/politique-de-la-ville/actions/${row.action_slug}` } : null,
    contract: row.contract_name,
    moderation: row.moderation,
    moderationReason: row.moderation_reason,
    open: row.status === "received" || row.status === "under_study",
    image: imageOf(row),
  };
}

export function supportCount(n: number): string {
  return n === 0 ? "Aucun soutien" : n === 1 ? "1 soutien" : `${n} soutiens`;
}

export function proposalCount(n: number): string {
  return n === 0 ? "Aucune idée" : n === 1 ? "1 idée" : `${n} idées`;
}
