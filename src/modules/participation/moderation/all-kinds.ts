// Every kind the moderation queue handles: one line per kind (proposals add theirs here).
import { commentKind } from "../comments/moderated.js";
import { proposalKind } from "../proposals/moderated.js";
import type { ModeratedKind } from "./kinds.js";

const KINDS: readonly ModeratedKind[] = [commentKind, proposalKind];

export function moderatedKind(kind: string): ModeratedKind | undefined {
  return KINDS.find((k) => k.kind === kind);
}

export function moderatedKinds(): readonly ModeratedKind[] {
  return KINDS;
}
