// The image of an idea: its author adds one through the media pipeline (multipart, CSRF token
// first, alt text required, type read from the content), nobody else can, and it shows on the page.
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNeighbourhood, createSite } from "../../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../../test/helpers.js";
import { createStaff, type StaffMember } from "../../../../test/staff.js";

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
});
afterAll(async () => w?.close());

type Part = { name: string; value: string } | { name: string; filename: string; type: string; data: Buffer };

function multipart(parts: Part[]): { payload: Buffer; contentType: string } {
  const boundary = `----idee${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ("filename" in p) {
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`),
      );
      chunks.push(p.data, Buffer.from("\r\n"));
    } else chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(member: StaffMember, id: number, parts: Part[]) {
  const { payload, contentType } = multipart(parts);
  return w.app.inject({
    method: "POST",
    url: `/participation/idees/${id}/image`,
    payload,
    headers: { "content-type": contentType, cookie: member.agent.cookieHeader()! },
  });
}

describe("the image of an idea", () => {
  it("lets the author add an image with its description, refuses others, a missing description and a fake image", async () => {
    const quartier = await createNeighbourhood(w.db);
    const author = await createStaff(w, "resident");
    const res = await author.agent.send("/participation/idees/nouvelle", {
      titre: "Repeindre le préau de l’école",
      description: "Le préau est sombre et triste : une fresque colorée avec les enfants.",
      quartier: String(quartier.id),
    });
    const id = Number(/idees\/(\d+)-/.exec(String(res.headers.location))![1]);
    const path_ = String(res.headers.location).replace(/\?.*$/, "");
    expect((await author.agent.get(path_)).body).toContain(`href="/participation/idees/${id}/image"`);
    expect((await author.agent.get(`/participation/idees/${id}/image`)).statusCode).toBe(200);
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 120, b: 40 } } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Artist: "Secret GPS" } } })
      .toBuffer();
    const file = { name: "fichier", filename: "preau.jpg", type: "image/jpeg", data: jpeg };
    const token = author.agent.csrfToken;

    const other = await createStaff(w, "resident");
    expect((await upload(other, id, [{ name: "_csrf", value: other.agent.csrfToken }, file, { name: "alt", value: "Le préau" }])).statusCode).toBe(404);
    expect((await upload(author, id, [file, { name: "_csrf", value: token }])).statusCode).toBe(403);
    const noAlt = await upload(author, id, [{ name: "_csrf", value: token }, file]);
    expect(noAlt.statusCode).toBe(400);
    expect(noAlt.body).toContain("Décrivez l’image en quelques mots");
    const fake = await upload(author, id, [
      { name: "_csrf", value: token },
      { ...file, data: Buffer.from("<svg onload=alert(1)>") },
      { name: "alt", value: "Faux" },
    ]);
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain("Ce fichier n’est pas une image JPEG, PNG ou WebP.");
    expect((await w.db.selectFrom("proposals").select("media_id").where("id", "=", id).executeTakeFirstOrThrow()).media_id).toBeNull();

    const ok = await upload(author, id, [{ name: "_csrf", value: token }, file, { name: "alt", value: "Le préau gris de l’école <b>Jaurès</b>" }]);
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${path_}?ok=image`);
    const row = await w.db.selectFrom("proposals").select("media_id").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.media_id).not.toBeNull();
    const page = await w.app.inject({ url: path_ });
    expect(page.body).toContain('alt="Le préau gris de l’école &lt;b>Jaurès&lt;/b>"');
    const src = /src="(\/medias\/[^"]+\.jpg)"/.exec(page.body)![1]!;
    const variant = await w.app.inject({ url: src });
    expect(variant.statusCode).toBe(200);
    expect((await sharp(variant.rawPayload).metadata()).exif).toBeUndefined();
    // nothing left in the temp folder
    const tmp = path.join(path.dirname(path.join(w.dataDir, "media")), "tmp", "uploads");
    expect(await fs.readdir(tmp).catch(() => [])).toEqual([]);
  });
});
