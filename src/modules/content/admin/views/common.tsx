// Small pieces shared by the content back-office pages.
import type { ContentKind, ContentStatus } from "../../../../core/db/schema.js";
import { formatDateTime } from "../../../../lib/format.js";
import { Select } from "../../../../ui/components/form.js";

export const STATUS_LABELS: Record<ContentStatus, string> = {
  draft: "Brouillon",
  review: "En relecture",
  scheduled: "Programmé",
  published: "Publié",
  unpublished: "Dépublié",
  archived: "Archivé",
};

export const KIND_LABELS: Record<ContentKind, string> = { article: "Article", page: "Page" };

export function StatusBadge({ status }: { status: ContentStatus }) {
  return <span class={`content-status content-status--${status}`}>{STATUS_LABELS[status]}</span>;
}

export function Time({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{formatDateTime(date)}</time>;
}

export interface Option {
  value: string;
  label: string;
}

/** A labelled select, in the same markup as Field; marked "(facultatif)" only when `optional`. */
export function SelectField(props: { name: string; label: string; value: string; options: Option[]; hint?: string; error?: string; optional?: boolean }) {
  return (
    <Select name={props.name} label={props.label} value={props.value} options={props.options} hint={props.hint} error={props.error} bare={!props.optional} />
  );
}
