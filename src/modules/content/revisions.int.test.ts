import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createSite, createTheme } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { compareRevisions, currentSnapshot, listRevisions, recordRevision, restoreRevision } from "./revisions.js";

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
});
afterAll(async () => w?.close());

describe("revisions", () => {
  it("keeps a snapshot per save, compares two of them word by word, and restores one as a new revision", async () => {
    const t1 = await createTheme(w.db);
    const t2 = await createTheme(w.db);
    const a = await createArticle(w.db, { title: "Titre initial", body: "<p>Le forum ouvre jeudi.</p>", themeIds: [t1.id] });
    const r1 = await recordRevision(w.db, a.id, null);
    await w.db.updateTable("content_items").set({ title: "Titre corrigé", body: "<p>Le forum ouvre vendredi.</p>" }).where("id", "=", a.id).execute();
    await w.db.deleteFrom("content_themes").where("content_id", "=", a.id).execute();
    await w.db.insertInto("content_themes").values({ content_id: a.id, theme_id: t2.id }).execute();
    const r2 = await recordRevision(w.db, a.id, null);

    const diff = await compareRevisions(w.db, a.id, r1, r2);
    expect(diff.map((d) => d.field)).toEqual(["title", "body"]);
    expect(diff[1]!.parts).toContainEqual({ kind: "removed", text: " jeudi." });
    expect(diff[1]!.parts).toContainEqual({ kind: "added", text: " vendredi." });

    const r3 = await w.db.transaction().execute((trx) => restoreRevision(trx, a.id, r1, null));
    const now = await currentSnapshot(w.db, a.id);
    expect(now).toMatchObject({ title: "Titre initial", body: "<p>Le forum ouvre jeudi.</p>", themeIds: [t1.id] });
    expect((await listRevisions(w.db, a.id)).map((r) => r.id)).toEqual([r3, r2, r1]);
    const version = await w.db.selectFrom("content_items").select("version").where("id", "=", a.id).executeTakeFirstOrThrow();
    expect(version.version).toBe(2);
  });

  it("refuses another item's revision", async () => {
    const a = await createArticle(w.db);
    const b = await createArticle(w.db);
    const rb = await recordRevision(w.db, b.id, null);
    await expect(w.db.transaction().execute((trx) => restoreRevision(trx, a.id, rb, null))).rejects.toThrow(/Not found/);
  });
});
