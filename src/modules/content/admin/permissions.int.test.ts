// Role x action table of every back-office content route: who gets through (anonymous
// visitors are sent to sign in, others refused with 403), on someone else's item and,
// where ownership matters, on the member's own draft.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContentStatus } from "../../../core/db/schema.js";
import { createSite } from "../../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../../test/helpers.js";
import { createStaff, expectPermissions, type Who } from "../../../../test/staff.js";
import { recordRevision } from "../revisions.js";

let w: TestWorld;
let otherAuthor: number;
let n = 0;

beforeAll(async () => {
  w = await createTestWorld({ now: new Date("2027-04-01T08:00:00Z") });
  await createSite(w.db);
  otherAuthor = (await createStaff(w, "editor", { signedIn: false })).id;
});
afterAll(async () => w?.close());

/** The member expectPermissions has just signed in for this role. */
async function latestOf(who: Who): Promise<number | null> {
  if (who === "anonymous") return null;
  const row = await w.db.selectFrom("users").select("id").where("role", "=", who).orderBy("id", "desc").limit(1).executeTakeFirstOrThrow();
  return row.id;
}

async function makeItem(authorId: number | null, status: ContentStatus = "draft") {
  n++;
  const row = await w.db
    .insertInto("content_items")
    .values({
      kind: "article",
      slug: `permission-${n}`,
      path: `/actualites/permission-${n}`,
      title: `Permission ${n}`,
      status,
      author_id: authorId,
      published_at: status === "published" ? w.clock.now : null,
    })
    .returning(["id", "version"])
    .executeTakeFirstOrThrow();
  await recordRevision(w.db, row.id, authorId);
  return row;
}

const EDITORS = ["editor", "admin"] as const;
const WRITERS = ["contributor", "editor", "admin"] as const;
const STAFF = ["contributor", "editor", "policy", "admin"] as const;

/** url/form builders on a fresh item per role: someone else's, or the member's own. */
function onItem(
  owner: "other" | "own",
  path: (id: number) => string,
  form?: (item: { id: number; version: number }) => Record<string, string | string[]>,
  status: ContentStatus = "draft",
) {
  let current: { id: number; version: number } | null = null;
  return {
    url: async (who: Who) => {
      current = await makeItem(owner === "own" ? await latestOf(who) : otherAuthor, status);
      return path(current.id);
    },
    form: () => (form && current ? form(current) : {}),
  };
}

const editForm = (item: { id: number; version: number }) => ({ version: String(item.version), title: `Titre modifié ${item.id}`, body: "<p>Texte</p>" });

describe("permission table of /admin/contenus", () => {
  it("list", async () => {
    await expectPermissions(w, { method: "GET", url: "/admin/contenus", allowed: STAFF });
  });

  it("new item form and creation", async () => {
    await expectPermissions(w, { method: "GET", url: "/admin/contenus/nouveau?type=article", allowed: WRITERS });
    await expectPermissions(w, { method: "GET", url: "/admin/contenus/nouveau?type=page", allowed: WRITERS });
    const responses = await expectPermissions(w, {
      method: "POST",
      url: "/admin/contenus/nouveau?type=article",
      form: { title: "Créé par table" },
      allowed: WRITERS,
    });
    expect(responses.get("contributor")!.statusCode).toBe(303);
  });

  it("edit form and save: someone else's draft, then one's own draft, then a published item", async () => {
    await expectPermissions(w, { method: "GET", ...onItem("other", (id) => `/admin/contenus/${id}`), allowed: EDITORS });
    await expectPermissions(w, { method: "GET", ...onItem("own", (id) => `/admin/contenus/${id}`), allowed: WRITERS });
    await expectPermissions(w, { method: "POST", ...onItem("other", (id) => `/admin/contenus/${id}`, editForm), allowed: EDITORS });
    const own = await expectPermissions(w, { method: "POST", ...onItem("own", (id) => `/admin/contenus/${id}`, editForm), allowed: WRITERS });
    expect(own.get("contributor")!.statusCode).toBe(303);
    await expectPermissions(w, { method: "POST", ...onItem("own", (id) => `/admin/contenus/${id}`, editForm, "published"), allowed: EDITORS });
  });

  it("autosave", async () => {
    await expectPermissions(w, { method: "POST", ...onItem("other", (id) => `/admin/contenus/${id}/brouillon`, editForm), allowed: EDITORS });
    const own = await expectPermissions(w, { method: "POST", ...onItem("own", (id) => `/admin/contenus/${id}/brouillon`, editForm), allowed: WRITERS });
    expect(own.get("contributor")!.statusCode).toBe(200);
  });

  it("submit for review", async () => {
    await expectPermissions(w, { method: "POST", ...onItem("other", (id) => `/admin/contenus/${id}/soumettre`), allowed: EDITORS });
    await expectPermissions(w, { method: "POST", ...onItem("own", (id) => `/admin/contenus/${id}/soumettre`), allowed: WRITERS });
  });

  it("publish, schedule, unpublish, archive: editors and admins only, even on one's own draft", async () => {
    await expectPermissions(w, { method: "POST", ...onItem("own", (id) => `/admin/contenus/${id}/publier`), allowed: EDITORS });
    await expectPermissions(w, {
      method: "POST",
      ...onItem(
        "own",
        (id) => `/admin/contenus/${id}/programmer`,
        () => ({ date: "2027-05-01", time: "10:00" }),
      ),
      allowed: EDITORS,
    });
    await expectPermissions(w, { method: "POST", ...onItem("own", (id) => `/admin/contenus/${id}/depublier`, undefined, "published"), allowed: EDITORS });
    await expectPermissions(w, { method: "POST", ...onItem("own", (id) => `/admin/contenus/${id}/archiver`), allowed: EDITORS });
  });

  it("delete (confirmation page and action)", async () => {
    await expectPermissions(w, { method: "GET", ...onItem("own", (id) => `/admin/contenus/${id}/supprimer`), allowed: EDITORS });
    await expectPermissions(w, {
      method: "POST",
      ...onItem(
        "own",
        (id) => `/admin/contenus/${id}/supprimer`,
        () => ({ confirm: "oui" }),
      ),
      allowed: EDITORS,
    });
  });

  it("revisions list, restore, conflict page", async () => {
    await expectPermissions(w, { method: "GET", ...onItem("other", (id) => `/admin/contenus/${id}/revisions`), allowed: STAFF });
    const restore = (owner: "own" | "other") => {
      let current: { id: number; version: number; revision: number } | null = null;
      return {
        url: async (who: Who) => {
          const item = await makeItem(owner === "own" ? await latestOf(who) : otherAuthor);
          const revision = (await w.db.selectFrom("content_revisions").select("id").where("content_id", "=", item.id).executeTakeFirstOrThrow()).id;
          current = { ...item, revision };
          return `/admin/contenus/${item.id}/revisions/${revision}/restaurer`;
        },
        form: () => ({ version: String(current!.version) }),
      };
    };
    await expectPermissions(w, { method: "POST", ...restore("other"), allowed: EDITORS });
    await expectPermissions(w, { method: "POST", ...restore("own"), allowed: WRITERS });
    const conflict = {
      url: async () => {
        const item = await makeItem(otherAuthor);
        const revision = await w.db.transaction().execute((trx) => recordRevision(trx, item.id, otherAuthor, { origin: "conflict" }));
        return `/admin/contenus/${item.id}/conflit/${revision}`;
      },
    };
    await expectPermissions(w, { method: "GET", ...conflict, allowed: EDITORS });
  });

  it("preview and private preview links", async () => {
    await expectPermissions(w, { method: "GET", ...onItem("other", (id) => `/admin/contenus/${id}/apercu`), allowed: STAFF });
    await expectPermissions(w, { method: "POST", ...onItem("other", (id) => `/admin/contenus/${id}/lien-apercu`), allowed: EDITORS });
    await expectPermissions(w, { method: "POST", ...onItem("own", (id) => `/admin/contenus/${id}/lien-apercu`), allowed: WRITERS });
    await expectPermissions(w, { method: "POST", ...onItem("other", (id) => `/admin/contenus/${id}/lien-apercu/revoquer`), allowed: EDITORS });
  });

  it("a contributor cannot set the status or the author through the form", async () => {
    const contributor = await createStaff(w, "contributor");
    const res = await contributor.agent.send("/admin/contenus/nouveau?type=article", {
      title: "Tentative",
      status: "published",
      author_id: "1",
      published_at: "2020-01-01",
    });
    expect(res.statusCode).toBe(303);
    const id = Number(/(\d+)/.exec(String(res.headers.location))![1]);
    const row = await w.db.selectFrom("content_items").select(["status", "author_id", "published_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "draft", author_id: contributor.id, published_at: null });
  });
});
