// The role x action matrix written out independently of the modules' declarations: every
// cell is a test, so a change to a manifest's permissions has to be made here too, on purpose
// (ASVS 4.0.3 1.1.3 / 5.0 8.1.2). The table is built from the registered modules (src/modules.ts).
import { describe, expect, it } from "vitest";
import { ModuleRegistry } from "../module.js";
import { MODULES } from "../../modules.js";
import { canEditContent } from "../../modules/content/can-edit.js";
import { ROLES, can, installPermissions, isStaff, knownActions, type Action, type Role } from "./roles.js";

installPermissions(new ModuleRegistry(MODULES).permissions());
const ACTIONS = knownActions();

// Y: always; O: own item in an allowed status; N: never
type Cell = "Y" | "O" | "N";
const columns: Role[] = ["resident", "contributor", "editor", "policy", "moderator", "mediator", "admin"];
const matrix: Record<Action, [Cell, Cell, Cell, Cell, Cell, Cell, Cell]> = {
  //                    resident contributor editor policy moderator mediator admin
  "backoffice.access": ["N", "Y", "Y", "Y", "Y", "Y", "Y"],
  "content.read": ["N", "Y", "Y", "Y", "N", "N", "Y"],
  "content.create": ["N", "Y", "Y", "N", "N", "N", "Y"],
  "content.edit_own": ["N", "O", "Y", "N", "N", "N", "Y"],
  "content.edit_any": ["N", "N", "Y", "N", "N", "N", "Y"],
  "content.submit": ["N", "O", "Y", "N", "N", "N", "Y"],
  "content.publish": ["N", "N", "Y", "N", "N", "N", "Y"],
  "content.schedule": ["N", "N", "Y", "N", "N", "N", "Y"],
  "content.unpublish": ["N", "N", "Y", "N", "N", "N", "Y"],
  "content.delete": ["N", "N", "Y", "N", "N", "N", "Y"],
  "media.upload": ["N", "Y", "Y", "N", "N", "N", "Y"],
  "media.delete": ["N", "N", "Y", "N", "N", "N", "Y"],
  "digests.view": ["N", "N", "Y", "N", "N", "N", "Y"],
  "revision.restore": ["N", "O", "Y", "N", "N", "N", "Y"],
  "policy.edit": ["N", "N", "N", "Y", "N", "N", "Y"],
  "audit.read": ["N", "N", "N", "N", "N", "N", "Y"],
  "staff.manage": ["N", "N", "N", "N", "N", "N", "Y"],
  "participation.moderate": ["N", "N", "N", "N", "Y", "N", "Y"],
  "participation.block": ["N", "N", "N", "N", "Y", "N", "Y"],
  "participation.configure": ["N", "N", "N", "N", "Y", "N", "Y"],
  "participation.mediate": ["N", "N", "N", "N", "N", "Y", "Y"],
  "participation.answer": ["N", "N", "N", "Y", "N", "N", "Y"],
  "participation.organisations": ["N", "N", "N", "Y", "N", "N", "Y"],
  "participation.article_comments": ["N", "N", "Y", "N", "N", "N", "Y"],
};

const ME = 7;
const OTHER = 8;
const cells = ACTIONS.flatMap((action) => columns.map((role, i) => ({ role, action, cell: matrix[action]?.[i] ?? ("?" as Cell) })));

describe("role x action table", () => {
  it("covers every role and every action", () => {
    expect([...columns].sort()).toEqual([...ROLES].sort());
    expect(Object.keys(matrix).sort()).toEqual([...ACTIONS].sort());
    expect(cells).toHaveLength(ROLES.length * ACTIONS.length);
  });

  it.each(cells)("$role / $action: $cell", ({ role, action, cell }) => {
    const actor = { id: ME, role };
    // a draft is the state in which every "own" grant applies
    const mine = { authorId: ME, status: "draft" };
    const theirs = { authorId: OTHER, status: "draft" };
    if (cell === "Y") {
      expect(can(actor, action)).toBe(true);
      expect(can(actor, action, mine)).toBe(true);
      expect(can(actor, action, theirs)).toBe(true);
    } else if (cell === "O") {
      expect(can(actor, action, mine)).toBe(true);
      expect(can(actor, action, theirs)).toBe(false);
      expect(can(actor, action)).toBe(false);
    } else {
      expect(can(actor, action)).toBe(false);
      expect(can(actor, action, mine)).toBe(false);
      expect(can(actor, action, theirs)).toBe(false);
    }
  });
});

describe("ownership rules for contributors", () => {
  const contributor = { id: ME, role: "contributor" as const };
  const statuses = ["draft", "review", "scheduled", "published", "unpublished", "archived"];

  it.each(statuses)("edits and restores their own item only while draft or in review (%s)", (status) => {
    const expected = status === "draft" || status === "review";
    expect(can(contributor, "content.edit_own", { authorId: ME, status })).toBe(expected);
    expect(can(contributor, "revision.restore", { authorId: ME, status })).toBe(expected);
    expect(canEditContent(contributor, { authorId: ME, status })).toBe(expected);
  });

  it.each(statuses)("submits their own item only from draft (%s)", (status) => {
    expect(can(contributor, "content.submit", { authorId: ME, status })).toBe(status === "draft");
  });

  it.each(statuses)("never edits someone else's item (%s)", (status) => {
    expect(can(contributor, "content.edit_own", { authorId: OTHER, status })).toBe(false);
    expect(canEditContent(contributor, { authorId: OTHER, status })).toBe(false);
  });

  it("refuses when the subject does not say who wrote it or where it stands", () => {
    expect(can(contributor, "content.edit_own", { authorId: null, status: "draft" })).toBe(false);
    expect(can(contributor, "content.edit_own", { status: "draft" })).toBe(false);
    expect(can(contributor, "content.edit_own", { authorId: ME })).toBe(false);
    expect(can(contributor, "content.edit_own", {})).toBe(false);
  });

  it("editors and admins edit anything, whoever wrote it and whatever its status", () => {
    for (const role of ["editor", "admin"] as const) {
      for (const status of statuses) {
        expect(canEditContent({ id: ME, role }, { authorId: OTHER, status })).toBe(true);
        expect(canEditContent({ id: ME, role }, { authorId: null, status })).toBe(true);
      }
    }
  });
});

describe("deny by default", () => {
  it("refuses anonymous visitors everything", () => {
    for (const action of ACTIONS) {
      expect(can(null, action)).toBe(false);
      expect(can(undefined, action, { authorId: ME, status: "draft" })).toBe(false);
    }
  });

  it("refuses unknown roles and actions arriving at run time", () => {
    const odd = ["root", "__proto__", "constructor", "toString", "Admin", ""];
    for (const role of odd) {
      expect(can({ id: ME, role: role as Role }, "content.read")).toBe(false);
      expect(isStaff(role)).toBe(false);
    }
    for (const action of ["content.destroy", "__proto__", "hasOwnProperty", "admin"]) {
      expect(can({ id: ME, role: "admin" }, action as Action)).toBe(false);
    }
  });

  it("refuses an actor without a usable id", () => {
    expect(can({ id: Number.NaN, role: "admin" }, "content.read")).toBe(false);
  });

  it("knows which roles are staff", () => {
    expect(ROLES.filter((r) => isStaff(r))).toEqual(["contributor", "editor", "policy", "moderator", "mediator", "admin"]);
  });
});

describe("the table is built from the modules' declarations", () => {
  it("refuses an action declared twice, a grant to residents, an unknown role", () => {
    expect(() =>
      installPermissions([
        { action: "x.do", grants: {} },
        { action: "x.do", grants: {} },
      ]),
    ).toThrow(/twice/);
    expect(() => installPermissions([{ action: "x.do", grants: { resident: true } }])).toThrow(/Residents/);
    expect(() => installPermissions([{ action: "x.do", grants: { ["root" as Role]: true } }])).toThrow(/Unknown role/);
    // A failed install leaves the previous table in place.
    expect(can({ id: ME, role: "editor" }, "content.publish")).toBe(true);
  });

  it("gives the administrator every declared action, and nothing undeclared", () => {
    try {
      installPermissions([{ action: "x.do", grants: { editor: true } }]);
      expect(can({ id: ME, role: "admin" }, "x.do")).toBe(true);
      expect(can({ id: ME, role: "admin" }, "content.publish")).toBe(false);
      expect(can({ id: ME, role: "policy" }, "x.do")).toBe(false);
    } finally {
      installPermissions(new ModuleRegistry(MODULES).permissions());
    }
  });
});
