import { describe, expect, it } from "vitest";
import { AutosaveScheduler, formatTime, interpretResponse, type ScheduleOptions } from "./autosave-logic.js";
import { checkLinkUrl } from "./link-url.js";
import { SlugFollower } from "./slug.js";
import { describeShortcut } from "./toolbar.js";

describe("checkLinkUrl", () => {
  it.each([
    ["https://www.lille.fr/actualites", "https://www.lille.fr/actualites"],
    ["  https://exemple.fr  ", "https://exemple.fr"],
    ["HTTPS://EXEMPLE.FR/Page?x=1#a", "HTTPS://EXEMPLE.FR/Page?x=1#a"],
    ["mailto:accueil@ville.fr", "mailto:accueil@ville.fr"],
    ["mailto:accueil@ville.fr?subject=Bonjour", "mailto:accueil@ville.fr?subject=Bonjour"],
    ["/actualites/une-nouvelle", "/actualites/une-nouvelle"],
    ["#horaires", "#horaires"],
    ["?page=2", "?page=2"],
    ["../quartiers", "../quartiers"],
    ["quartiers/moulins", "quartiers/moulins"],
  ])("accepts %s", (input, href) => {
    expect(checkLinkUrl(input)).toEqual({ ok: true, href });
  });

  it.each([
    ["", "Saisissez l’adresse du lien."],
    ["http://exemple.fr", "https://"],
    ["javascript:alert(1)", "Seules les adresses en https:"],
    ["JavaScript:alert(1)", "Seules les adresses en https:"],
    ["data:text/html,x", "Seules les adresses en https:"],
    ["ftp://exemple.fr", "Seules les adresses en https:"],
    ["//exemple.fr/page", "Seules les adresses en https:"],
    ["https://", "n’est pas valide"],
    ["https:exemple.fr", "n’est pas valide"],
    ["mailto:personne", "adresse e-mail n’est pas valide"],
    ["accueil@ville.fr", "mailto:accueil@ville.fr"],
    ["www.lille.fr", "https://www.lille.fr"],
    ["lille.fr/agenda", "https://lille.fr/agenda"],
    ["/une page", "espaces"],
  ])("refuses %j with a French message", (input, fragment) => {
    const result = checkLinkUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(fragment);
  });
});

const OPTIONS: ScheduleOptions = { debounceMs: 3_000, maxWaitMs: 15_000, retryMs: 10_000, maxRetryMs: 60_000 };

describe("AutosaveScheduler", () => {
  it("has nothing to do before a change", () => {
    expect(new AutosaveScheduler(OPTIONS).dueAt()).toBeNull();
  });

  it("saves 3 s after the last change", () => {
    const s = new AutosaveScheduler(OPTIONS);
    s.change(1_000);
    expect(s.dueAt()).toBe(4_000);
    s.change(2_500);
    expect(s.dueAt()).toBe(5_500);
  });

  it("saves at least every 15 s while the person keeps typing", () => {
    const s = new AutosaveScheduler(OPTIONS);
    for (let t = 0; t <= 14_000; t += 1_000) s.change(t);
    expect(s.dueAt()).toBe(15_000);
  });

  it("never starts a second save while one runs; changes made meanwhile are saved afterwards", () => {
    const s = new AutosaveScheduler(OPTIONS);
    s.change(0);
    s.start();
    expect(s.saving).toBe(true);
    s.change(3_500);
    expect(s.dueAt()).toBeNull();
    s.succeeded();
    expect(s.dueAt()).toBe(6_500);
  });

  it("has nothing left after a successful save without new changes", () => {
    const s = new AutosaveScheduler(OPTIONS);
    s.change(0);
    s.start();
    s.succeeded();
    expect(s.dueAt()).toBeNull();
  });

  it("retries after a failure, backing off, and keeps the unsent changes", () => {
    const s = new AutosaveScheduler(OPTIONS);
    s.change(0);
    s.start();
    expect(s.failed(3_500)).toBe(10_000);
    expect(s.dueAt()).toBe(13_500);
    s.start();
    expect(s.failed(14_000)).toBe(20_000);
    expect(s.dueAt()).toBe(34_000);
    s.start();
    s.failed(35_000);
    s.start();
    s.failed(80_000);
    s.start();
    expect(s.failed(150_000)).toBe(60_000);
    s.start();
    s.succeeded();
    s.change(300_000);
    expect(s.dueAt()).toBe(303_000);
  });

  it("waits for the next change after the server refused the content", () => {
    const s = new AutosaveScheduler(OPTIONS);
    s.change(0);
    s.start();
    s.rejected();
    expect(s.dueAt()).toBeNull();
    s.change(10_000);
    expect(s.dueAt()).toBe(13_000);
  });

  it("stops for good after a conflict", () => {
    const s = new AutosaveScheduler(OPTIONS);
    s.change(0);
    s.start();
    s.stop();
    s.change(5_000);
    expect(s.stopped).toBe(true);
    expect(s.dueAt()).toBeNull();
  });

  it("forgets changes that were undone before the save", () => {
    const s = new AutosaveScheduler(OPTIONS);
    s.change(0);
    s.skip();
    expect(s.dueAt()).toBeNull();
  });
});

describe("interpretResponse", () => {
  const now = new Date(2025, 2, 12, 9, 5);

  it("reads a saved draft", () => {
    expect(interpretResponse(200, { version: 4, savedAt: "2025-03-12T13:32:00Z", message: "Brouillon enregistré à 14 h 32" }, now)).toEqual({
      kind: "saved",
      version: "4",
      message: "Brouillon enregistré à 14 h 32",
    });
  });

  it("writes its own message from savedAt when the server sends none", () => {
    const outcome = interpretResponse(200, { version: "7", savedAt: new Date(2025, 2, 12, 14, 2).toISOString() }, now);
    expect(outcome).toEqual({ kind: "saved", version: "7", message: "Brouillon enregistré à 14 h 02" });
  });

  it("treats a success without JSON as a failure to retry", () => {
    expect(interpretResponse(200, undefined, now).kind).toBe("retry");
  });

  it.each([409, 422])("reads a conflict (%i) with its link", (status) => {
    expect(interpretResponse(status, { title: "Conflit", detail: "Modifié par Alice.", conflictUrl: "/admin/contenus/3/conflit" }, now)).toEqual({
      kind: "conflict",
      title: "Conflit",
      detail: "Modifié par Alice.",
      conflictUrl: "/admin/contenus/3/conflit",
    });
  });

  it("lists the field errors of a refused draft", () => {
    const outcome = interpretResponse(400, { errors: { title: "Saisissez un titre.", slug: "Choisissez une autre adresse." } }, now);
    expect(outcome).toEqual({ kind: "invalid", message: "Enregistrement automatique impossible : Saisissez un titre. Choisissez une autre adresse." });
  });

  it("accepts errors given as a list", () => {
    const outcome = interpretResponse(400, { errors: [{ field: "title", message: "Saisissez un titre." }] }, now);
    expect(outcome).toEqual({ kind: "invalid", message: "Enregistrement automatique impossible : Saisissez un titre." });
  });

  it.each([0, 401, 403])("stops calmly when the session cannot save (%i)", (status) => {
    const outcome = interpretResponse(status, undefined, now);
    expect(outcome.kind).toBe("forbidden");
    expect(outcome.kind === "forbidden" && outcome.message).toContain("session");
  });

  it.each([500, 502, 503, 429])("retries after a server error (%i)", (status) => {
    expect(interpretResponse(status, undefined, now).kind).toBe("retry");
  });

  it("formats times the French way", () => {
    expect(formatTime(new Date(2025, 0, 1, 9, 5))).toBe("9 h 05");
    expect(formatTime(new Date(2025, 0, 1, 14, 32))).toBe("14 h 32");
  });
});

describe("SlugFollower", () => {
  it("follows the title while the slug was empty and untouched", () => {
    const f = new SlugFollower("");
    expect(f.titleChanged("Fête des Voisins à Lille-Moulins !")).toBe("fete-des-voisins-a-lille-moulins");
    expect(f.titleChanged("Cœur de quartier")).toBe("coeur-de-quartier");
  });

  it("never replaces a slug that existed at load", () => {
    const f = new SlugFollower("mon-adresse");
    expect(f.titleChanged("Nouveau titre")).toBeNull();
  });

  it("stops after a manual edit and resumes when the slug is emptied", () => {
    const f = new SlugFollower("");
    f.slugEdited("mon-choix");
    expect(f.titleChanged("Titre")).toBeNull();
    f.slugEdited("");
    expect(f.titleChanged("Titre")).toBe("titre");
  });

  it("keeps slugs within 80 characters", () => {
    const slug = new SlugFollower("").titleChanged("Un titre très long ".repeat(10)) ?? "";
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("describeShortcut", () => {
  it("names Tiptap's shortcuts for aria-keyshortcuts and for French tooltips", () => {
    expect(describeShortcut("Mod-Shift-8", false)).toEqual({ aria: "Control+Shift+8", visible: "Ctrl+Maj+8" });
    expect(describeShortcut("Mod-b", true)).toEqual({ aria: "Meta+B", visible: "⌘+B" });
    expect(describeShortcut("Mod-Alt-2", false)).toEqual({ aria: "Control+Alt+2", visible: "Ctrl+Alt+2" });
  });
});
