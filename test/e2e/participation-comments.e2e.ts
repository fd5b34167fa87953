// A resident comments on an action (posted without reload by the script), another reports it,
// the moderator hides it with a public reason from the queue, the author sees the reason on the
// page and in their notifications. Without JavaScript the same form shows its errors on a page
// of its own. Every new page passes axe.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createArticle, createNeighbourhood, createSite } from "../factories.js";
import { createStaff, signInBrowser } from "../staff.js";
import { axeViolations, hasChromium, startBrowserWorld, type BrowserWorld } from "./browser.js";

describe.skipIf(!hasChromium)("Participation comments in the browser", () => {
  let w: BrowserWorld;
  let ids: { author: number; reporter: number; moderator: number; editor: number; actionPath: string; quartierPath: string; articlePath: string };

  const as = async (userId: number) => {
    await w.context.clearCookies();
    await signInBrowser(w, userId);
  };

  beforeAll(async () => {
    w = await startBrowserWorld();
    await createSite(w.db, { site_name: "Ville d’Essai" });
    const n = await createNeighbourhood(w.db, { slug: "les-tilleuls", name: "Les Tilleuls", kind: "qpv", code: "QN05997X" });
    const action = await createAction(w.db, { title: "Jardins partagés des Tilleuls" });
    const author = await createStaff(w, "resident", { signedIn: false, displayName: "Awa D." });
    const reporter = await createStaff(w, "resident", { signedIn: false, displayName: "Paul R." });
    const moderator = await createStaff(w, "moderator", { signedIn: false, displayName: "Modération" });
    const editor = await createStaff(w, "editor", { signedIn: false, displayName: "Rédaction" });
    const article = await createArticle(w.db, { title: "Fête des Tilleuls" });
    // one report is enough to send a comment of this action to the moderators, hidden
    await w.db
      .insertInto("participation_spaces")
      .values({ space: `comment:action:${action.id}`, report_threshold: 1 })
      .execute();
    ids = {
      author: author.id,
      reporter: reporter.id,
      moderator: moderator.id,
      editor: editor.id,
      articlePath: article.path,
      actionPath: `/politique-de-la-ville/actions/${action.slug}`,
      quartierPath: `/quartiers/${n.slug}`,
    };
  }, 120_000);
  afterAll(async () => w?.close());

  it("a resident comments on an action, without reload, and edits it within 15 minutes", async () => {
    const page = await w.newPage();
    await as(ids.author);
    await page.goto(`${w.baseUrl}${ids.actionPath}`);
    expect(await axeViolations(page)).toEqual([]);
    // An empty comment: the script puts the message next to the field, without leaving the page.
    await page.getByRole("button", { name: "Publier mon commentaire" }).click();
    await page.locator("#champ-body-erreur").waitFor();
    expect(await page.locator("#champ-body-erreur").textContent()).toBe("Écrivez votre commentaire.");
    expect(page.url()).toBe(`${w.baseUrl}${ids.actionPath}`);
    await page.getByLabel("Votre commentaire").fill("Les bacs sont trop hauts pour les enfants.\n\nVoir www.exemple.fr/jardins pour des idées.");
    await page.getByLabel("Quartier affiché").selectOption({ label: "Les Tilleuls" });
    await page.getByRole("button", { name: "Publier mon commentaire" }).click();
    const posted = page.locator(".comment").filter({ hasText: "Les bacs sont trop hauts" });
    await posted.waitFor();
    expect(page.url()).toBe(`${w.baseUrl}${ids.actionPath}`);
    expect(await posted.locator(".comment__meta").textContent()).toContain("Awa D. (Les Tilleuls)");
    expect(await posted.locator(".comment__body p").count()).toBe(2);
    expect(await posted.getByRole("link", { name: "www.exemple.fr/jardins" }).getAttribute("rel")).toBe("nofollow ugc");
    expect(await page.locator(".comment-form__status").textContent()).toBe("Votre commentaire est publié.");
    expect(await axeViolations(page)).toEqual([]);
    // the edit page, within the 15 minutes
    await posted.getByRole("link", { name: "Modifier" }).click();
    await page.waitForURL(/\/modifier$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Votre commentaire").fill("Les bacs sont trop hauts pour les enfants.");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.waitForURL(/#commentaire-\d+$/);

    await page.close();
  }, 120_000);

  it("another resident reports it with a reason", async () => {
    const page = await w.newPage();
    await as(ids.reporter);
    await page.goto(`${w.baseUrl}${ids.actionPath}`);
    await page.getByRole("link", { name: "Signaler le commentaire de Awa D." }).click();
    await page.waitForURL(/\/participation\/signaler\/commentaire\/\d+$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Signaler" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary").textContent()).toContain("Indiquez en quelques mots");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Motif du signalement").fill("Publicité pour un site extérieur");
    await page.getByRole("button", { name: "Signaler" }).click();
    await page.locator(".notice--success").waitFor();
    expect(await page.locator(".notice--success").textContent()).toContain("transmis à la modération");
    expect(await axeViolations(page)).toEqual([]);

    await page.close();
  }, 120_000);

  it("the moderator hides it with a public reason from the queue; settings and blocks pages", async () => {
    const page = await w.newPage();
    await as(ids.moderator);
    await page.goto(`${w.baseUrl}/admin/participation/moderation`);
    expect(await axeViolations(page)).toEqual([]);
    const item = page.locator(".moderation-item").filter({ hasText: "Les bacs sont trop hauts" });
    expect(await item.textContent()).toContain("Publicité pour un site extérieur");
    await item.getByLabel("Motif public du masquage").fill("Lien publicitaire retiré");
    await item.getByRole("button", { name: /^Masquer/ }).click();
    await page.waitForURL(/\?ok=masque$/);
    expect(await page.locator(".notice--success").textContent()).toContain("son auteur est prévenu");
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${w.baseUrl}/admin/participation/reglages`);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${w.baseUrl}/admin/participation/suspensions`);
    expect(await axeViolations(page)).toEqual([]);
    // an editor opens an article to comments
    await page.close();
  }, 120_000);

  it("an editor opens an article to comments", async () => {
    const page = await w.newPage();
    await as(ids.editor);
    await page.goto(`${w.baseUrl}/admin/participation/articles`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Adresse de l’article").fill(ids.articlePath);
    await page.getByRole("button", { name: "Ouvrir aux commentaires" }).click();
    await page.waitForURL(/\?ok=ouvert$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${w.baseUrl}${ids.articlePath}`);
    expect(await page.locator("#commentaires h2").textContent()).toBe("Commentaires");
    expect(await axeViolations(page)).toEqual([]);

    await page.close();
  }, 120_000);

  it("the author sees the reason on the page and in their notifications", async () => {
    const page = await w.newPage();
    await as(ids.author);
    await page.goto(`${w.baseUrl}${ids.actionPath}`);
    expect(await page.locator(".comment--hidden .comment__notice").textContent()).toBe(
      "Commentaire masqué par la modération. Motif : Lien publicitaire retiré",
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${w.baseUrl}/compte/notifications`);
    expect(await page.locator(".notification").first().textContent()).toContain("Motif : Lien publicitaire retiré");
    expect(await axeViolations(page)).toEqual([]);

    await w.context.clearCookies();
    await page.goto(`${w.baseUrl}${ids.actionPath}`);
    expect(await page.locator("#commentaires").textContent()).toContain("Motif : Lien publicitaire retiré");
    expect(await page.locator("#commentaires").textContent()).not.toContain("Les bacs sont trop hauts");
    await page.close();
  }, 120_000);

  it("the stand-alone comment page (the path without JavaScript) shows a refused comment again with the error next to the field", async () => {
    const page = await w.newPage();
    await as(ids.reporter);
    await page.goto(`${w.baseUrl}${ids.quartierPath}`);
    expect(await axeViolations(page)).toEqual([]);
    const id = await page.locator("#commentaires form input[name=id]").getAttribute("value");
    await page.goto(`${w.baseUrl}/participation/commentaires/nouveau?cible=quartier&id=${id}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Publier mon commentaire" }).click();
    await page.waitForURL(/\/participation\/commentaires$/);
    expect(await page.locator("#champ-body-erreur").textContent()).toContain("Écrivez votre commentaire.");
    expect(await page.locator(".error-summary").evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Votre commentaire").fill("Un banc de plus devant l’école, svp.");
    await page.getByRole("button", { name: "Publier mon commentaire" }).click();
    await page.waitForURL(/\/quartiers\/les-tilleuls#commentaire-\d+$/);
    expect(await page.locator("#commentaires").textContent()).toContain("Un banc de plus devant l’école, svp.");
    await page.close();
  }, 120_000);
});
