// The media library back office through HTTP: permission tables, multipart upload with
// its CSRF check, refusals that leave nothing on disk, list, edit, usage and deletion,
// and the public <picture> with AVIF and the focal point.
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createImage, createSite } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { createStaff, expectPermissions, type StaffMember } from "../../../test/staff.js";
import { listUsableImages } from "./index.js";
import { MAX_UPLOAD_BYTES } from "./upload.js";

let world: TestWorld;
let mediaDir: string;
let tmpDir: string;
let editor: StaffMember;

beforeAll(async () => {
  world = await createTestWorld();
  mediaDir = path.join(world.dataDir, "media");
  tmpDir = path.join(world.dataDir, "tmp", "uploads");
  await createSite(world.db);
  editor = await createStaff(world, "editor");
});
afterAll(async () => {
  await world.close();
});

type Part = { name: string; value: string } | { name: string; filename: string; type: string; data: Buffer };

function multipart(parts: Part[]): { payload: Buffer; contentType: string } {
  const boundary = `----portail${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ("filename" in p) {
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`),
      );
      chunks.push(p.data, Buffer.from("\r\n"));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function postUpload(member: StaffMember, parts: Part[]) {
  const { payload, contentType } = multipart(parts);
  const cookie = member.agent.cookieHeader();
  return world.app.inject({ method: "POST", url: "/admin/medias/nouveau", payload, headers: { "content-type": contentType, ...(cookie ? { cookie } : {}) } });
}

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#6080a0", noise: { type: "gaussian", mean: 128, sigma: 30 } } })
    .jpeg()
    .toBuffer();

const texts = (values: Partial<Record<string, string>> = {}): Part[] =>
  Object.entries({
    alt: "Le jardin partagé de Fives",
    legende: "Inauguration du jardin",
    credit: "Ville – J. Martin",
    point_x: "30",
    point_y: "70",
    ...values,
  }).map(([name, value]) => ({ name, value: value ?? "" }));

async function listDir(dir: string) {
  return fs.readdir(dir).catch(() => [] as string[]);
}

async function mediaCount() {
  const row = await world.db
    .selectFrom("media")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("permission tables", () => {
  it("library, upload form and upload: contributors, editors, admins", async () => {
    await expectPermissions(world, { method: "GET", url: "/admin/medias", allowed: ["contributor", "editor", "admin"] });
    await expectPermissions(world, { method: "GET", url: "/admin/medias/nouveau", allowed: ["contributor", "editor", "admin"] });
    // A plain form post (no file): the form comes back with an error for those allowed.
    const res = await expectPermissions(world, {
      method: "POST",
      url: "/admin/medias/nouveau",
      form: { alt: "x" },
      allowed: ["contributor", "editor", "admin"],
    });
    expect(res.get("editor")!.statusCode).toBe(400);
  });

  it("one image: everyone with media access sees it; editing others' images and deleting need media.delete", async () => {
    const id = await createImage(world.db, mediaDir);
    await expectPermissions(world, { method: "GET", url: `/admin/medias/${id}`, allowed: ["contributor", "editor", "admin"] });
    await expectPermissions(world, {
      method: "POST",
      url: `/admin/medias/${id}`,
      form: { alt: "Texte", legende: "Légende", credit: "Crédit", point_x: "50", point_y: "50" },
      allowed: ["editor", "admin"],
    });
    await expectPermissions(world, { method: "GET", url: `/admin/medias/${id}/supprimer`, allowed: ["editor", "admin"] });
    await expectPermissions(world, {
      method: "POST",
      url: async () => `/admin/medias/${await createImage(world.db, mediaDir)}/supprimer`,
      allowed: ["editor", "admin"],
    });
  });
});

describe("upload", () => {
  it("stores the image with its texts and focal point, records the event, then shows it", async () => {
    const contributor = await createStaff(world, "contributor");
    const res = await postUpload(contributor, [
      { name: "_csrf", value: contributor.agent.csrfToken },
      { name: "fichier", filename: "../../IMG_0042 jardin.jpg", type: "image/jpeg", data: await photo(1000, 700) },
      ...texts(),
    ]);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const id = Number(/^\/admin\/medias\/(\d+)\?statut=envoyee$/.exec(String(res.headers.location))?.[1]);
    const row = await world.db.selectFrom("media").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      alt: "Le jardin partagé de Fives",
      caption: "Inauguration du jardin",
      credit: "Ville – J. Martin",
      focal_x: 0.3,
      focal_y: 0.7,
      original_name: "IMG_0042 jardin.jpg",
      uploaded_by: contributor.id,
      variant_widths: [320, 640, 960],
      formats: ["avif", "webp", "jpg"],
    });
    expect((await listDir(mediaDir)).filter((f) => f.startsWith(row.file_key))).toHaveLength(9);
    expect(await listDir(tmpDir)).toEqual([]);
    const event = await world.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "media.upload")
      .where("target_id", "=", String(id))
      .executeTakeFirstOrThrow();
    expect(event.actor_id).toBe(contributor.id);

    const page = await contributor.agent.get(String(res.headers.location));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("L’image a été ajoutée à la médiathèque.");
    expect(page.body).toContain(`srcset="/medias/${row.file_key}-320.avif 320w`);
    // The contributor may edit their own upload.
    const edit = await contributor.agent.send(`/admin/medias/${id}`, { alt: "Le jardin de Fives", legende: "", credit: "Ville", point_x: "30", point_y: "70" });
    expect(edit.statusCode).toBe(303);
  });

  it("checks the CSRF token, sent first, before reading the file", async () => {
    const id = await createImage(world.db, mediaDir, { alt: "Inchangé" });
    const before = await mediaCount();
    const file = { name: "fichier", filename: "a.jpg", type: "image/jpeg", data: await photo(400, 300) };
    const missing = await postUpload(editor, [file, ...texts()]);
    const wrong = await postUpload(editor, [{ name: "_csrf", value: "x".repeat(43) }, file, ...texts()]);
    const late = await postUpload(editor, [file, { name: "_csrf", value: editor.agent.csrfToken }, ...texts()]);
    expect([missing.statusCode, wrong.statusCode, late.statusCode]).toEqual([403, 403, 403]);
    // A multipart body sent to any other route never gets through (the exemption is per route).
    for (const url of [`/admin/medias/${id}`, `/admin/medias/${id}/supprimer`, "/compte/deconnexion"]) {
      const { payload, contentType } = multipart([{ name: "alt", value: "Piraté" }]);
      const other = await world.app.inject({ method: "POST", url, payload, headers: { "content-type": contentType, cookie: editor.agent.cookieHeader()! } });
      expect([400, 403, 415], url).toContain(other.statusCode);
    }
    expect((await world.db.selectFrom("media").select("alt").where("id", "=", id).executeTakeFirstOrThrow()).alt).toBe("Inchangé");
    expect(await mediaCount()).toBe(before);
    expect(await listDir(tmpDir)).toEqual([]);
  });

  it.each([
    ["a text file named .jpg", () => Buffer.from("Ceci n’est pas une image.\n".repeat(40)), "Ce fichier n’est pas une image JPEG, PNG ou WebP."],
    ["a truncated JPEG", async () => (await photo(800, 600)).subarray(0, 4000), "Le fichier est endommagé ou incomplet."],
    [
      "a file over the size limit",
      () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(MAX_UPLOAD_BYTES + 50_000, 1)]),
      "Le fichier dépasse 10 Mo.",
    ],
  ])("refuses %s next to the file field, keeps the texts, leaves nothing on disk", async (_name, make, message) => {
    const before = await listDir(mediaDir);
    const res = await postUpload(editor, [
      { name: "_csrf", value: editor.agent.csrfToken },
      { name: "fichier", filename: "photo.jpg", type: "image/jpeg", data: await make() },
      ...texts(),
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`<p id="champ-fichier-erreur" class="field__error"><span class="sr-only">Erreur : </span>${message}</p>`);
    expect(res.body).toContain('value="Le jardin partagé de Fives"');
    expect(res.body).toContain("Inauguration du jardin</textarea>");
    expect(res.body).toContain("choisissez-le à nouveau");
    expect(await listDir(tmpDir)).toEqual([]);
    expect(await listDir(mediaDir)).toEqual(before);
  });

  it("lists every field error at once and keeps nothing", async () => {
    const before = await mediaCount();
    const res = await postUpload(editor, [
      { name: "_csrf", value: editor.agent.csrfToken },
      { name: "fichier", filename: "photo.jpg", type: "image/jpeg", data: await photo(400, 300) },
      ...texts({ alt: "  ", point_x: "150" }),
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Le formulaire contient 2 erreurs");
    expect(res.body).toContain("Décrivez l’image pour les personnes qui ne la voient pas.");
    expect(res.body).toContain("Saisissez un nombre entier entre 0 et 100.");
    expect(await mediaCount()).toBe(before);
    expect(await listDir(tmpDir)).toEqual([]);
  });

  it("asks for a file when none was chosen", async () => {
    const res = await postUpload(editor, [
      { name: "_csrf", value: editor.agent.csrfToken },
      { name: "fichier", filename: "", type: "application/octet-stream", data: Buffer.alloc(0) },
      ...texts(),
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Choisissez une image JPEG, PNG ou WebP.");
  });
});

describe("library list", () => {
  it("searches, filters what is incomplete, counts uses and paginates", async () => {
    const complete = await createImage(world.db, mediaDir, { alt: "Façade de la médiathèque Jean-Lévy" });
    const incomplete = await createImage(world.db, mediaDir, { alt: "Marché de Wazemmes", credit: "" });
    await createArticle(world.db, { heroMediaId: complete });
    await createArticle(world.db, { heroMediaId: complete, status: "draft" });

    const search = await editor.agent.get("/admin/medias?q=FACADE%20de%20la%20mediatheque");
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain(`href="/admin/medias/${complete}"`);
    expect(search.body).not.toContain(`href="/admin/medias/${incomplete}"`);
    expect(search.body).toContain("Utilisée dans 2 contenus");
    expect(search.body).toContain("<caption>1 image correspondant à la recherche</caption>");

    const todo = await editor.agent.get("/admin/medias?filtre=a-completer");
    expect(todo.body).toContain(`href="/admin/medias/${incomplete}"`);
    expect(todo.body).not.toContain(`href="/admin/medias/${complete}"`);
    expect(todo.body).toContain("À compléter");

    // Rows without files are enough for paging.
    await world.db
      .insertInto("media")
      .values(
        Array.from({ length: 30 }, (_, i) => ({
          file_key: `page-test-${i}-0000`,
          mime: "image/jpeg",
          width: 320,
          height: 200,
          variant_widths: [320],
          alt: `Image ${i}`,
        })),
      )
      .execute();
    const total = await mediaCount();
    const last = Math.ceil(total / 24);
    const page = await editor.agent.get(`/admin/medias?page=${last}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`page ${last} sur ${last}`);
    expect((await editor.agent.get(`/admin/medias?page=${last + 1}`)).statusCode).toBe(404);
    // Like every list: a page that cannot exist is a 404, a page that is not a number a 400.
    expect((await editor.agent.get("/admin/medias?page=0")).statusCode).toBe(404);
    expect((await editor.agent.get("/admin/medias?page=abc")).statusCode).toBe(400);
  });
});

describe("picker list", () => {
  it("offers only images with alt text, caption and credit", async () => {
    const ready = await createImage(world.db, mediaDir, { alt: "Péniche sur la Deûle" });
    const noCaption = await createImage(world.db, mediaDir, { alt: "Péniche amarrée", caption: "" });
    const found = await listUsableImages(world.db, { q: "peniche", limit: 10, offset: 0 });
    expect(found.map((r) => r.id)).toEqual([ready]);
    expect(found.map((r) => r.id)).not.toContain(noCaption);
  });
});

describe("editing", () => {
  it("refuses bad values with the typed values kept", async () => {
    const id = await createImage(world.db, mediaDir);
    const res = await editor.agent.send(`/admin/medias/${id}`, { alt: "", legende: "Nouvelle légende", credit: "C", point_x: "abc", point_y: "20" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Nouvelle légende</textarea>");
    expect(res.body).toContain('value="abc"');
    const row = await world.db.selectFrom("media").select(["alt", "caption"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ alt: "Illustration de test", caption: "Légende de test" });
  });

  it("saves, records what changed and refreshes the cached public pages showing the image", async () => {
    const id = await createImage(world.db, mediaDir, { alt: "Ancien texte" });
    const article = await createArticle(world.db, { heroMediaId: id, title: "Fête des voisins" });
    const first = await world.app.inject({ method: "GET", url: article.path });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('alt="Ancien texte"');
    const res = await editor.agent.send(`/admin/medias/${id}`, {
      alt: "Nouveau texte",
      legende: "Légende de test",
      credit: "Photo Test T.",
      point_x: "20",
      point_y: "80",
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/medias/${id}?statut=enregistree`);
    const after = await world.app.inject({ method: "GET", url: article.path });
    expect(after.body).toContain('alt="Nouveau texte"');
    const event = await world.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "media.update")
      .where("target_id", "=", String(id))
      .executeTakeFirstOrThrow();
    expect(event.actor_id).toBe(editor.id);
    expect(event.details).toMatchObject({
      changes: { alt: { from: "Ancien texte", to: "Nouveau texte" }, focalX: { from: 0.5, to: 0.2 }, focalY: { from: 0.5, to: 0.8 } },
    });
    // Cards crop on the focal point; images without AVIF get no AVIF source.
    const home = await world.app.inject({ method: "GET", url: "/actualites" });
    expect(home.body).toContain('class="focal-x-20 focal-y-80"');
    expect(after.body).not.toContain('type="image/avif"');
  });
});

describe("deletion", () => {
  it("is refused while the image is used, with the list of uses", async () => {
    const id = await createImage(world.db, mediaDir);
    const article = await createArticle(world.db, { heroMediaId: id, title: "Conseil de quartier" });
    const page = await editor.agent.get(`/admin/medias/${id}/supprimer`);
    expect(page.body).toContain("Utilisée dans 1 contenu.");
    expect(page.body).not.toContain("Supprimer définitivement");
    const res = await editor.agent.send(`/admin/medias/${id}/supprimer`);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain("Cette image est utilisée par 1 contenu.");
    expect(res.body).toContain(`href="/admin/contenus/${article.id}"`);
    expect(res.body).toContain(`href="${article.path}"`);
    expect(await world.db.selectFrom("media").select("id").where("id", "=", id).executeTakeFirst()).toBeDefined();
  });

  it("deletes an unused image, its files, and records it", async () => {
    const id = await createImage(world.db, mediaDir);
    const { file_key } = await world.db.selectFrom("media").select("file_key").where("id", "=", id).executeTakeFirstOrThrow();
    expect((await editor.agent.get(`/admin/medias/${id}/supprimer`)).body).toContain("Supprimer définitivement");
    const res = await editor.agent.send(`/admin/medias/${id}/supprimer`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin/medias?statut=supprimee");
    expect((await listDir(mediaDir)).filter((f) => f.startsWith(file_key))).toEqual([]);
    const event = await world.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "media.delete")
      .where("target_id", "=", String(id))
      .executeTakeFirstOrThrow();
    expect(event.actor_id).toBe(editor.id);
    expect((await editor.agent.get(`/admin/medias/${id}`)).statusCode).toBe(404);
  });
});

describe("serving", () => {
  it("serves AVIF variants with their type", async () => {
    const res = await postUpload(editor, [
      { name: "_csrf", value: editor.agent.csrfToken },
      { name: "fichier", filename: "x.jpg", type: "image/jpeg", data: await photo(400, 300) },
      ...texts(),
    ]);
    const id = Number(/(\d+)\?/.exec(String(res.headers.location))?.[1]);
    const { file_key } = await world.db.selectFrom("media").select("file_key").where("id", "=", id).executeTakeFirstOrThrow();
    const avif = await world.app.inject({ method: "GET", url: `/medias/${file_key}-320.avif` });
    expect(avif.statusCode).toBe(200);
    expect(avif.headers["content-type"]).toBe("image/avif");
  });
});
