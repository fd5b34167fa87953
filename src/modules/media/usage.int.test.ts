// Usage list and safe deletion of media.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createArticle, createImage, createPage } from "../../../test/factories.js";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers.js";
import { processUpload } from "./upload.js";
import { MediaError, deleteMediaIfUnused, inUseMessage, mediaUsage } from "./usage.js";

let database: TestDatabase;
let mediaDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});
beforeEach(async () => {
  mediaDir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-media-"));
  return () => fs.rm(mediaDir, { recursive: true, force: true });
});

const keyOf = async (id: number) => (await database.db.selectFrom("media").select("file_key").where("id", "=", id).executeTakeFirstOrThrow()).file_key;

/** Variant files of a media row; pass the key once the row may be gone. */
async function filesOf(idOrKey: number | string) {
  const key = typeof idOrKey === "number" ? await keyOf(idOrKey) : idOrKey;
  return (await fs.readdir(mediaDir)).filter((f) => f.startsWith(key));
}

describe("mediaUsage", () => {
  it("lists content using the image as hero (any status) or in a body, by title", async () => {
    const id = await createImage(database.db, mediaDir);
    const other = await createImage(database.db, mediaDir);
    const key = await keyOf(id);
    const hero = await createArticle(database.db, { title: "B — Fête de quartier", heroMediaId: id });
    const draft = await createPage(database.db, { title: "A — Brouillon", heroMediaId: id, status: "draft" });
    const inBody = await createArticle(database.db, {
      title: "C — Conseil municipal",
      body: `<p>Voir :</p><figure><img src="https://portail.test/medias/${key}-800.jpg" alt="Salle"></figure>`,
    });
    const both = await createArticle(database.db, { title: "D — Les deux", heroMediaId: id, body: `<p><img src="/medias/${key}-400.webp" alt=""></p>` });
    await createArticle(database.db, { title: "Autre image", heroMediaId: other });
    await createArticle(database.db, { title: "Mentionne la clé en texte", body: `<p>${key}</p>` });

    expect(await mediaUsage(database.db, id)).toEqual([
      { id: draft.id, title: draft.title, path: draft.path, kind: "page", status: "draft", as: "hero" },
      { id: hero.id, title: hero.title, path: hero.path, kind: "article", status: "published", as: "hero" },
      { id: inBody.id, title: inBody.title, path: inBody.path, kind: "article", status: "published", as: "body" },
      { id: both.id, title: both.title, path: both.path, kind: "article", status: "published", as: "hero+body" },
    ]);
  });

  it("is empty for an unused image and refuses an unknown id", async () => {
    const id = await createImage(database.db, mediaDir);
    expect(await mediaUsage(database.db, id)).toEqual([]);
    await expect(mediaUsage(database.db, 987_654_321)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("deleteMediaIfUnused", () => {
  it("refuses while the image is used, and keeps row and files", async () => {
    const id = await createImage(database.db, mediaDir);
    const key = await keyOf(id);
    await createArticle(database.db, { heroMediaId: id });
    await createPage(database.db, { heroMediaId: id, status: "draft" });
    await createArticle(database.db, { body: `<p><img src="/medias/${key}-1200.jpg" alt="x"></p>` });
    const files = await filesOf(id);
    expect(files).toHaveLength(8); // 320, 640, 960 and 1200 px, WebP and JPEG

    const error = await deleteMediaIfUnused(database.db, mediaDir, id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaError);
    expect(error).toMatchObject({ code: "in_use", message: "Cette image est utilisée par 3 contenus." });
    expect((error as MediaError).usage).toHaveLength(3);
    expect(await mediaUsage(database.db, id)).toHaveLength(3);
    expect(await filesOf(id)).toEqual(files);
  });

  it("says 'contenu' in the singular", () => {
    expect(inUseMessage(1)).toBe("Cette image est utilisée par 1 contenu.");
    expect(inUseMessage(2)).toBe("Cette image est utilisée par 2 contenus.");
  });

  it("deletes an unused image: row first, then every variant file", async () => {
    const id = await createImage(database.db, mediaDir);
    const keep = await createImage(database.db, mediaDir);
    const kept = await filesOf(keep);
    const key = await keyOf(id);
    expect(await filesOf(key)).toHaveLength(8);

    await deleteMediaIfUnused(database.db, mediaDir, id);
    expect(await database.db.selectFrom("media").select("id").where("id", "=", id).executeTakeFirst()).toBeUndefined();
    expect(await filesOf(key)).toEqual([]);
    expect(await filesOf(keep)).toEqual(kept);
    await expect(deleteMediaIfUnused(database.db, mediaDir, id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("also removes AVIF variants", async () => {
    const tmp = path.join(mediaDir, "upload.tmp");
    await fs.writeFile(
      tmp,
      await sharp({ create: { width: 900, height: 500, channels: 3, background: "#336699" } })
        .jpeg()
        .toBuffer(),
    );
    const id = await processUpload(database.db, mediaDir, tmp, { alt: "Carré bleu" }, { formats: ["avif", "webp", "jpg"] });
    expect(await filesOf(id)).toHaveLength(9); // 320, 640 and 900 px, in three formats
    await deleteMediaIfUnused(database.db, mediaDir, id);
    expect(await fs.readdir(mediaDir)).toEqual([]);
  });

  it("can delete once the last use is gone", async () => {
    const id = await createImage(database.db, mediaDir);
    const key = await keyOf(id);
    const article = await createArticle(database.db, { heroMediaId: id });
    await expect(deleteMediaIfUnused(database.db, mediaDir, id)).rejects.toMatchObject({ code: "in_use" });
    await database.db.updateTable("content_items").set({ hero_media_id: null }).where("id", "=", article.id).execute();
    await deleteMediaIfUnused(database.db, mediaDir, id);
    expect(await filesOf(key)).toEqual([]);
  });
});
