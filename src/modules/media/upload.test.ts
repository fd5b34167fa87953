// Receiving and checking uploads without a database: streaming with a byte cap, type by
// magic bytes, file name and text sanitising.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UploadError, receiveUpload, sanitizeOriginalName, sniffImageType, validateMeta } from "./upload.js";

let tmpDir: string;
beforeEach(async () => {
  tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-upload-"));
});
afterEach(async () => {
  await fs.rm(tmpDir, { recursive: true, force: true });
});

/** A stream of `count` chunks of `size` bytes that records how far it was read. */
function chunks(count: number, size: number) {
  const state = { produced: 0 };
  let i = 0;
  const stream = new Readable({
    read() {
      if (i++ >= count) return this.push(null);
      state.produced++;
      this.push(Buffer.alloc(size, i % 256));
    },
  });
  return { stream, state };
}

describe("receiveUpload", () => {
  it("streams to a randomly named file in tmpDir and reports size and sha256", async () => {
    const body = crypto.randomBytes(200_000);
    const received = await receiveUpload(Readable.from([body.subarray(0, 70_000), body.subarray(70_000)]), { tmpDir, maxBytes: 1_000_000 });
    expect(path.dirname(received.path)).toBe(tmpDir);
    expect(path.basename(received.path)).toMatch(/^[0-9a-f-]{36}\.upload$/);
    expect(received.bytes).toBe(200_000);
    expect(received.sha256).toBe(crypto.createHash("sha256").update(body).digest("hex"));
    expect(await fs.readFile(received.path)).toEqual(body);
    expect((await fs.stat(received.path)).mode & 0o077).toBe(0);
  });

  it("accepts exactly maxBytes", async () => {
    const received = await receiveUpload(Readable.from([Buffer.alloc(1024)]), { tmpDir, maxBytes: 1024 });
    expect(received.bytes).toBe(1024);
  });

  it("aborts as soon as the cap is crossed and deletes the partial file", async () => {
    const { stream, state } = chunks(1000, 64 * 1024); // 64 MB offered
    const error = await receiveUpload(stream, { tmpDir, maxBytes: 10 * 1024 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({ code: "too_large", message: "Le fichier dépasse 10 Mo." });
    expect(await fs.readdir(tmpDir)).toEqual([]);
    // Stopped near the cap (plus stream buffering), not after reading all 64 MB.
    expect(state.produced).toBeLessThan(200);
    expect(stream.destroyed).toBe(true);
  });

  it("deletes the partial file when the source fails midway (client gone, disk full)", async () => {
    let sent = 0;
    const stream = new Readable({
      read() {
        if (sent++ < 3) this.push(Buffer.alloc(16 * 1024));
        else this.destroy(new Error("connection reset"));
      },
    });
    await expect(receiveUpload(stream, { tmpDir, maxBytes: 1_000_000 })).rejects.toThrow("connection reset");
    expect(await fs.readdir(tmpDir)).toEqual([]);
  });

  it("leaves nothing when the source fails before the file is even open", async () => {
    const stream = new Readable({ read() {} });
    stream.destroy(new Error("aborted"));
    await expect(receiveUpload(stream, { tmpDir, maxBytes: 1_000 })).rejects.toThrow("aborted");
    expect(await fs.readdir(tmpDir)).toEqual([]);
  });

  it("deletes the partial file when writing fails", async () => {
    // A write error is simulated with a target directory that is a file.
    const notADir = path.join(tmpDir, "file");
    await fs.writeFile(notADir, "x");
    await expect(receiveUpload(Readable.from([Buffer.alloc(10)]), { tmpDir: notADir, maxBytes: 100 })).rejects.toThrow();
    expect(await fs.readdir(tmpDir)).toEqual(["file"]);
  });
});

describe("sniffImageType", () => {
  it("recognises JPEG, PNG and WebP by their bytes", async () => {
    const img = sharp({ create: { width: 8, height: 8, channels: 3, background: "#123456" } });
    expect(sniffImageType(await img.clone().jpeg().toBuffer())).toBe("image/jpeg");
    expect(sniffImageType(await img.clone().png().toBuffer())).toBe("image/png");
    expect(sniffImageType(await img.clone().webp().toBuffer())).toBe("image/webp");
  });

  it("refuses everything else, whatever the name", async () => {
    expect(sniffImageType(Buffer.from("Bonjour, ceci est un texte nommé photo.jpg"))).toBeNull();
    expect(sniffImageType(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImageType(Buffer.from("GIF89a......"))).toBeNull();
    expect(sniffImageType(Buffer.from("RIFF\0\0\0\0WAVEfmt "))).toBeNull();
    expect(
      sniffImageType(
        await sharp({ create: { width: 8, height: 8, channels: 3, background: "#fff" } })
          .tiff()
          .toBuffer(),
      ),
    ).toBeNull();
    expect(sniffImageType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });
});

describe("sanitizeOriginalName", () => {
  it("keeps only the last path segment", () => {
    expect(sanitizeOriginalName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeOriginalName("C:\\Users\\marie\\Photos\\mairie.jpg")).toBe("mairie.jpg");
    expect(sanitizeOriginalName("photos/")).toBe("");
  });

  it("removes control and bidi characters", () => {
    expect(sanitizeOriginalName("a\u0000b.jpg")).toBe("ab.jpg");
    expect(sanitizeOriginalName("facture\u202Egpj.exe")).toBe("facturegpj.exe");
    expect(sanitizeOriginalName("  fête\r\n  de la   musique.png ")).toBe("fête de la musique.png");
  });

  it("normalises to NFC", () => {
    expect(sanitizeOriginalName("e\u0301te\u0301.jpg")).toBe("été.jpg");
  });

  it("caps the length and keeps the extension", () => {
    const name = sanitizeOriginalName(`${"a".repeat(300)}.jpeg`);
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith("a.jpeg")).toBe(true);
    const emoji = sanitizeOriginalName("📷".repeat(300));
    expect(Array.from(emoji)).toHaveLength(200);
    expect(emoji).toBe("📷".repeat(200)); // no half surrogate pair
  });
});

describe("validateMeta", () => {
  it("requires an alt text", () => {
    for (const alt of ["", "   ", "\u0000\n"]) {
      expect(() => validateMeta({ alt })).toThrow(new UploadError("alt_required", "Le texte alternatif est obligatoire."));
    }
  });

  it("trims texts and applies the caps", () => {
    expect(validateMeta({ alt: "  Le parvis  de la mairie ", caption: " Inauguration\n", credit: undefined, originalName: "../x.jpg" })).toEqual({
      alt: "Le parvis de la mairie",
      caption: "Inauguration",
      credit: "",
      originalName: "x.jpg",
      uploadedBy: null,
    });
    expect(validateMeta({ alt: "a".repeat(300) }).alt).toHaveLength(300);
    expect(() => validateMeta({ alt: "a".repeat(301) })).toThrow(expect.objectContaining({ code: "alt_too_long" }));
    expect(() => validateMeta({ alt: "a", caption: "c".repeat(1001) })).toThrow(expect.objectContaining({ code: "caption_too_long" }));
    expect(() => validateMeta({ alt: "a", credit: "c".repeat(201) })).toThrow(expect.objectContaining({ code: "credit_too_long" }));
  });
});
