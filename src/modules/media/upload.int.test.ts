// The upload pipeline end to end on generated images: accepted formats, hostile and
// broken files, metadata stripping, orientation, and nothing left behind on failure.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers.js";
import { UploadError, processUpload, receiveUpload } from "./upload.js";

let database: TestDatabase;
let root: string;
let tmpDir: string;
let mediaDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "portail-media-"));
  tmpDir = path.join(root, "tmp");
  mediaDir = path.join(root, "media");
  await fs.mkdir(tmpDir);
  return () => fs.rm(root, { recursive: true, force: true });
});

const meta = { alt: "Le parvis de la mairie", caption: "", credit: "", originalName: "photo.jpg", uploadedBy: null };

/** Writes bytes as a received upload would be (random name, in tmpDir). */
async function tmpFile(bytes: Buffer, name = `${Math.random().toString(36).slice(2)}.upload`) {
  const file = path.join(tmpDir, name);
  await fs.writeFile(file, bytes);
  return file;
}

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 40 } } });

async function mediaRow(id: number) {
  return database.db.selectFrom("media").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function expectNothingLeft() {
  expect(await fs.readdir(tmpDir)).toEqual([]);
  expect(await fs.readdir(mediaDir).catch(() => [])).toEqual([]);
}

async function refusal(promise: Promise<unknown>): Promise<UploadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadError);
  return error as UploadError;
}

/**
 * A valid 20000x20000 1-bit PNG (400 MP) of about 50 KB, built by hand: making it with
 * sharp({create}) + png({palette}) takes ~25 s because sharp encodes every pixel.
 */
function pixelBomb(size = 20_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  const rows = Buffer.alloc(size * (1 + size / 8)); // filter byte + 2500 zero bytes per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Every accepted input format through every output format and width. The image work is
// the same whatever the database (sharp, files on disk): the PostgreSQL run keeps one input
// format for the row and audit writes, the PGlite run goes through all three. The AVIF
// encodings of these noisy 1600 px photos are the costliest seconds of the suite.
const INPUTS = [
  ["JPEG", "image/jpeg", () => photo(1600, 900).jpeg().toBuffer()],
  ["PNG", "image/png", () => photo(1600, 900).png().toBuffer()],
  ["WebP", "image/webp", () => photo(1600, 900).webp().toBuffer()],
] as const;

describe("processUpload: accepted images", () => {
  it.each(process.env.TEST_DB === "postgres" ? INPUTS.slice(0, 1) : INPUTS)(
    "%s: AVIF, WebP and JPEG variants at every width, a row, an audit event, no temp file",
    async (_name, mime, make) => {
      const bytes = await make();
      const id = await processUpload(database.db, mediaDir, await tmpFile(bytes), { ...meta, caption: " Vue du parvis ", credit: "Ville" });
      const row = await mediaRow(id);
      expect(row).toMatchObject({
        mime,
        width: 1600,
        height: 900,
        variant_widths: [320, 640, 960, 1600],
        formats: ["avif", "webp", "jpg"],
        alt: meta.alt,
        caption: "Vue du parvis",
        credit: "Ville",
        size_bytes: bytes.length,
      });
      expect(row.file_key).toMatch(/^[0-9a-f-]{36}$/);
      const files = (await fs.readdir(mediaDir)).sort();
      expect(files).toEqual([320, 640, 960, 1600].flatMap((w) => ["avif", "jpg", "webp"].map((ext) => `${row.file_key}-${w}.${ext}`)).sort());
      for (const w of [320, 640, 960, 1600]) {
        const jpg = await sharp(path.join(mediaDir, `${row.file_key}-${w}.jpg`)).metadata();
        const webp = await sharp(path.join(mediaDir, `${row.file_key}-${w}.webp`)).metadata();
        const avif = await sharp(path.join(mediaDir, `${row.file_key}-${w}.avif`)).metadata();
        expect([jpg.format, jpg.width, webp.format, webp.width, avif.format, avif.width]).toEqual(["jpeg", w, "webp", w, "heif", w]);
      }
      expect(await fs.readdir(tmpDir)).toEqual([]);
      const event = await database.db
        .selectFrom("audit_events")
        .selectAll()
        .where("action", "=", "media.upload")
        .where("target_id", "=", String(id))
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({ target_type: "media", target_label: meta.alt });
    },
  );

  it("keeps a small image at its own width, never enlarged", async () => {
    const id = await processUpload(database.db, mediaDir, await tmpFile(await photo(320, 200).png().toBuffer()), meta);
    expect(await mediaRow(id)).toMatchObject({ width: 320, height: 200, variant_widths: [320] });
    const tiny = await processUpload(database.db, mediaDir, await tmpFile(await photo(120, 80).png().toBuffer()), meta);
    expect(await mediaRow(tiny)).toMatchObject({ width: 120, height: 80, variant_widths: [120] });
  });

  it("flattens transparency on white for the JPEG variants", async () => {
    const clear = await sharp({ create: { width: 500, height: 500, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const row = await mediaRow(await processUpload(database.db, mediaDir, await tmpFile(clear), meta));
    expect(row.variant_widths).toEqual([320, 500]);
    const { data } = await sharp(path.join(mediaDir, `${row.file_key}-320.jpg`))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(Math.min(...data.subarray(0, 30))).toBeGreaterThan(245);
    for (const ext of ["webp", "avif"]) {
      const out = await sharp(path.join(mediaDir, `${row.file_key}-320.${ext}`)).metadata();
      expect(out.hasAlpha, ext).toBe(true);
    }
  });

  it("stores the client's file name only as sanitised text", async () => {
    for (const [given, stored] of [
      ["../../etc/passwd", "passwd"],
      ["a\u0000b.jpg", "ab.jpg"],
      [`${"x".repeat(300)}.jpg`, `${"x".repeat(196)}.jpg`],
    ]) {
      const id = await processUpload(database.db, mediaDir, await tmpFile(await photo(100, 100).jpeg().toBuffer()), { ...meta, originalName: given });
      const row = await mediaRow(id);
      expect(row.original_name).toBe(stored);
      for (const file of await fs.readdir(mediaDir)) expect(file).toMatch(/^[0-9a-f-]{36}-\d+\.(avif|webp|jpg)$/);
    }
  });

  it("works from a received stream", async () => {
    const bytes = await photo(900, 600).jpeg().toBuffer();
    const received = await receiveUpload((await import("node:stream")).Readable.from([bytes]), { tmpDir, maxBytes: 10 * 1024 * 1024 });
    const row = await mediaRow(await processUpload(database.db, mediaDir, received.path, meta));
    expect(row.variant_widths).toEqual([320, 640, 900]);
    expect(await fs.readdir(tmpDir)).toEqual([]);
  });

  it("queues concurrent uploads (at most 2 at once) and completes them all", async () => {
    const files = await Promise.all([1, 2, 3, 4, 5].map(async () => tmpFile(await photo(450, 300).jpeg().toBuffer())));
    const ids = await Promise.all(files.map((f) => processUpload(database.db, mediaDir, f, meta)));
    expect(new Set(ids).size).toBe(5);
    expect(await fs.readdir(mediaDir)).toHaveLength(30); // 320 and 450 px, three formats each
    expect(await fs.readdir(tmpDir)).toEqual([]);
  });

  it("writes only the formats asked for, JPEG always", async () => {
    const id = await processUpload(database.db, mediaDir, await tmpFile(await photo(300, 200).jpeg().toBuffer()), meta, { formats: ["webp"] });
    const row = await mediaRow(id);
    expect(row.formats).toEqual(["webp", "jpg"]);
    expect((await fs.readdir(mediaDir)).sort()).toEqual([`${row.file_key}-300.jpg`, `${row.file_key}-300.webp`]);
  });
});

describe("processUpload: metadata and orientation", () => {
  it("strips EXIF and GPS from every variant", async () => {
    const bytes = await photo(1000, 700)
      .withExif({
        IFD0: { Make: "PortailCam", Model: "Espion 3000", Artist: "Marie Dupont" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 2400/100", GPSLongitudeRef: "E", GPSLongitude: "2/1 21/1 0/1" },
      })
      .jpeg()
      .toBuffer();
    const input = await sharp(bytes).metadata();
    expect(input.exif?.includes("PortailCam")).toBe(true);
    expect(input.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // GPSInfo IFD pointer tag (0x8825, little endian)
    const row = await mediaRow(await processUpload(database.db, mediaDir, await tmpFile(bytes), meta));
    const files = await fs.readdir(mediaDir);
    expect(files).toHaveLength(9);
    for (const file of files) {
      const out = await sharp(path.join(mediaDir, file)).metadata();
      expect(out.exif, file).toBeUndefined();
      expect(out.xmp, file).toBeUndefined();
      expect(out.orientation, file).toBeUndefined();
      const raw = await fs.readFile(path.join(mediaDir, file));
      expect(raw.includes("PortailCam") || raw.includes("Marie Dupont"), file).toBe(false);
    }
    expect(row.variant_widths).toEqual([320, 640, 960]);
  });

  it("applies the EXIF orientation before dropping it", async () => {
    // Stored 1000x500, left half red; orientation 6 means "rotate 90° clockwise to
    // display", so upright it is 500x1000 with the red half on top.
    const red = await sharp({ create: { width: 500, height: 500, channels: 3, background: "#ff0000" } })
      .png()
      .toBuffer();
    const bytes = await sharp({ create: { width: 1000, height: 500, channels: 3, background: "#0000ff" } })
      .composite([{ input: red, left: 0, top: 0 }])
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const row = await mediaRow(await processUpload(database.db, mediaDir, await tmpFile(bytes), meta));
    expect(row).toMatchObject({ width: 500, height: 1000, variant_widths: [320, 500] });
    for (const ext of ["jpg", "webp", "avif"]) {
      const { data, info } = await sharp(path.join(mediaDir, `${row.file_key}-500.${ext}`))
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([500, 1000]);
      const pixel = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3));
      const [r1, , b1] = pixel(250, 150);
      const [r2, , b2] = pixel(250, 850);
      expect(r1! > 200 && b1! < 60, `${ext} top is red`).toBe(true);
      expect(b2! > 200 && r2! < 60, `${ext} bottom is blue`).toBe(true);
    }
  });
});

describe("processUpload: refusals leave nothing behind", () => {
  it("refuses a truncated JPEG", async () => {
    const whole = await photo(1600, 1000).jpeg().toBuffer();
    const error = await refusal(processUpload(database.db, mediaDir, await tmpFile(whole.subarray(0, whole.length >> 1)), meta));
    expect(error).toMatchObject({ code: "corrupt", message: "Le fichier est endommagé ou incomplet." });
    await expectNothingLeft();
  });

  it("refuses a truncated PNG", async () => {
    const whole = await photo(800, 600).png().toBuffer();
    const error = await refusal(processUpload(database.db, mediaDir, await tmpFile(whole.subarray(0, whole.length >> 1)), meta));
    expect(error.code).toBe("corrupt");
    await expectNothingLeft();
  });

  it("refuses a text file named .jpg", async () => {
    const file = await tmpFile(Buffer.from("Ceci n’est pas une image.\n".repeat(50)), "vacances.jpg");
    const error = await refusal(processUpload(database.db, mediaDir, file, { ...meta, originalName: "vacances.jpg" }));
    expect(error).toMatchObject({ code: "bad_type", message: "Ce fichier n’est pas une image JPEG, PNG ou WebP." });
    await expectNothingLeft();
  });

  it("refuses JPEG magic bytes followed by garbage", async () => {
    const error = await refusal(
      processUpload(database.db, mediaDir, await tmpFile(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)])), meta),
    );
    expect(["corrupt", "bad_type"]).toContain(error.code);
    await expectNothingLeft();
  });

  it("refuses a pixel bomb from its header, fast", async () => {
    const bomb = pixelBomb();
    expect(bomb.length).toBeLessThan(200_000);
    const started = performance.now();
    const error = await refusal(processUpload(database.db, mediaDir, await tmpFile(bomb), meta));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error).toMatchObject({ code: "too_many_pixels", message: "L’image est trop grande (plus de 40 millions de pixels)." });
    await expectNothingLeft();
  });

  it("refuses a file over the size limit", async () => {
    const bytes = await photo(300, 300).png().toBuffer();
    const error = await refusal(processUpload(database.db, mediaDir, await tmpFile(bytes), meta, { maxBytes: 1024 }));
    expect(error).toMatchObject({ code: "too_large", message: "Le fichier dépasse 1 ko." });
    await expectNothingLeft();
  });

  it("refuses a missing alt text before any image work", async () => {
    const error = await refusal(processUpload(database.db, mediaDir, await tmpFile(await photo(300, 300).jpeg().toBuffer()), { ...meta, alt: "  " }));
    expect(error).toMatchObject({ code: "alt_required", message: "Le texte alternatif est obligatoire." });
    await expectNothingLeft();
  });

  it("removes the variants when the row cannot be written", async () => {
    const before = await database.db
      .selectFrom("media")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const file = await tmpFile(await photo(900, 600).jpeg().toBuffer());
    // uploaded_by references users: an unknown id makes the insert fail after encoding.
    await expect(processUpload(database.db, mediaDir, file, { ...meta, uploadedBy: 987_654_321 })).rejects.toThrow();
    await expectNothingLeft();
    const after = await database.db
      .selectFrom("media")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
