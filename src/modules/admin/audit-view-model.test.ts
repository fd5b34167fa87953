import { describe, expect, it } from "vitest";
import { actionLabel, detailsText, targetHref } from "./audit-view-model.js";

describe("audit journal wording", () => {
  it("names known actions in French and keeps unknown codes readable", () => {
    expect(actionLabel("content.publish")).toBe("Contenu publié");
    expect(actionLabel("policy.priority.update")).toBe("Priorité modifiée (politique de la ville)");
    expect(actionLabel("policy.indicator.delete")).toBe("Indicateur supprimé (politique de la ville)");
    expect(actionLabel("policy.unknown.update")).toBe("policy.unknown.update");
    expect(actionLabel("module.something_new")).toBe("module.something_new");
  });

  it("links to targets that still exist in the back office", () => {
    expect(targetHref({ targetType: "content", targetId: "12", action: "content.update" })).toBe("/admin/contenus/12");
    expect(targetHref({ targetType: "action", targetId: "3", action: "policy.action.update" })).toBe("/admin/politique-de-la-ville/actions/3");
    expect(targetHref({ targetType: "content", targetId: "12", action: "content.delete" })).toBeNull();
    expect(targetHref({ targetType: "content", targetId: "javascript:alert(1)", action: "content.update" })).toBeNull();
  });

  it("prints details as short key: value lines", () => {
    expect(detailsText({ from: "editor", to: "admin", changed: { title: { from: "a", to: "b" } } })).toBe(
      'from : editor\nto : admin\nchanged : {"title":{"from":"a","to":"b"}}',
    );
  });
});
