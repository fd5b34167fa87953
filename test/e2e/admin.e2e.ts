// The back office's own pages in a real browser: a new admin signs in with the password,
// is made to enrol a second factor (QR code page), keeps the recovery codes, signs in again
// with a code typed at the second step, invites a colleague and reads the journal. Every
// page is scanned with axe (WCAG 2.1 AA) and walked by keyboard where it matters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCode } from "../../src/core/auth/totp.js";
import { createStaff, signInBrowser, STAFF_PASSWORD } from "../staff.js";
import { startMailServer, type MailBox } from "../mail.js";
import { axeViolations, hasChromium, startBrowserWorld, type BrowserWorld } from "./browser.js";
import { buildDemoWorld } from "./world.js";

describe.skipIf(!hasChromium)("back office: security, team and journal", () => {
  let w: BrowserWorld;
  let mail: MailBox;
  const problems: string[] = [];

  beforeAll(async () => {
    mail = await startMailServer();
    w = await startBrowserWorld({ smtpUrl: mail.url });
    await buildDemoWorld(w);
  });
  afterAll(async () => {
    await w?.close();
    await mail?.close();
  });

  it("takes a new admin from password to second factor to the team and journal pages", async () => {
    const admin = await createStaff(w, "admin", { displayName: "Camille Admin", totpRequired: true, signedIn: false });
    const page = await w.newPage();
    const scan = async (label: string) => {
      for (const v of await axeViolations(page)) problems.push(`${label}: ${v}`);
    };

    await page.goto(`${w.baseUrl}/admin`);
    await page.waitForURL(/\/compte\/connexion\?retour=%2Fadmin$/);
    await page.getByLabel("Adresse e-mail").fill(admin.email);
    await page.getByLabel("Mot de passe", { exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    // The requirement sends the admin to enrolment before anything else.
    await page.waitForURL(/\/admin\/securite\/double-authentification$/);
    await scan("enrolment");
    expect(await page.locator(".admin-qr svg").count()).toBe(1);
    const secret = ((await page.locator(".admin-secret").textContent()) ?? "").replace(/\s/g, "");
    await page.getByLabel("Code affiché par l’application").fill("000000" === totpCode(secret, w.clock.now) ? "111111" : "000000");
    await page.getByRole("button", { name: "Activer" }).click();
    await page.waitForSelector(".error-summary");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
    await scan("enrolment with error");
    await page.getByLabel("Code affiché par l’application").fill(totpCode(secret, w.clock.now));
    await page.getByRole("button", { name: "Activer" }).click();
    await page.getByRole("heading", { name: "Vos codes de secours" }).waitFor();
    expect(await page.locator(".admin-codes li").count()).toBe(10);
    await scan("recovery codes");
    await page.getByRole("link", { name: "J’ai noté mes codes, continuer" }).click();
    await page.waitForURL(/\/admin$/);
    await scan("dashboard");

    // Sign out, then in again: the second step asks for a code.
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.goto(`${w.baseUrl}/compte/connexion?retour=%2Fadmin%2Fequipe`);
    await page.getByLabel("Adresse e-mail").fill(admin.email);
    await page.getByLabel("Mot de passe", { exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/compte\/connexion\/code$/);
    await scan("second step");
    // Next 30-second step: the code used at enrolment cannot be replayed.
    w.clock.now = new Date(w.clock.now.getTime() + 30_000);
    await page.getByLabel("Code de vérification").fill(totpCode(secret, w.clock.now));
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/admin\/equipe$/);
    await scan("team");

    // Invite a colleague by keyboard.
    await page.getByLabel("Adresse e-mail").fill("lea.contrib@ville.test");
    await page.getByLabel("Nom affiché").fill("Léa Contrib");
    await page.getByLabel("Rôle").selectOption("contributor");
    await page.getByRole("button", { name: "Ajouter à l’équipe" }).press("Enter");
    await page.waitForURL(/statut=invite$/);
    await mail.waitFor("lea.contrib@ville.test", /Invitation/);
    await page.getByRole("link", { name: "Léa Contrib" }).click();
    await page.getByRole("heading", { name: "Léa Contrib" }).waitFor();
    await scan("team member");

    await page.goto(`${w.baseUrl}/admin/journal`);
    expect(await page.getByRole("cell", { name: "Invitation dans l’équipe" }).count()).toBe(1);
    await scan("journal");
    await page.goto(`${w.baseUrl}/admin/securite`);
    await scan("security");

    expect(problems).toEqual([]);
  });

  it("warns five minutes before an idle session ends and extends it on request", async () => {
    const editor = await createStaff(w, "editor", { signedIn: false });
    await signInBrowser(w, editor.id);
    const page = await w.newPage();
    await page.clock.install();
    await page.goto(`${w.baseUrl}/admin`);
    await page.getByRole("heading", { name: "Tableau de bord" }).waitFor();
    await page.clock.fastForward("25:01");
    const dialog = page.getByRole("dialog", { name: "Votre session va bientôt expirer" });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Rester connecté");
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("Session prolongée.").waitFor({ state: "attached" });
  });

  it("folds the side menu behind a button on a narrow screen, without horizontal scrolling", async () => {
    const editor = await createStaff(w, "editor", { signedIn: false });
    await signInBrowser(w, editor.id);
    const page = await w.newPage();
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(`${w.baseUrl}/admin`);
    const toggle = page.getByRole("button", { name: "Menu" });
    await toggle.waitFor();
    expect(await page.getByRole("link", { name: "Contenus", exact: true }).isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await page.getByRole("link", { name: "Contenus", exact: true }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
  });
});
