// The staff invitation page in a browser (a plain form: it works without JavaScript, which
// the integration tests drive through HTTP; axe needs scripts to scan): an invitee whose address already
// had a resident account opens the e-mailed link, meets a French error next to the field for a
// weak password (nothing changed), then joins the team with a new one. Every state is scanned
// with axe.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken, randomToken } from "../../src/core/auth/tokens.js";
import { createSite } from "../factories.js";
import { axeViolations, hasChromium, startBrowserWorld, type BrowserWorld } from "./browser.js";

describe.skipIf(!hasChromium)("staff invitation page", () => {
  let w: BrowserWorld;
  beforeAll(async () => {
    w = await startBrowserWorld();
    await createSite(w.db);
  });
  afterAll(async () => w?.close());

  it("accepts a new password through the link, with errors beside the field, and no axe violation", async () => {
    const user = await w.db
      .insertInto("users")
      .values({ email: "future.editrice@ville.test", password_hash: "ancien", display_name: "Future éditrice" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const token = randomToken();
    await w.db
      .insertInto("staff_invitations")
      .values({
        user_id: user.id,
        email: "future.editrice@ville.test",
        role: "editor",
        token_hash: hashToken(token),
        expires_at: new Date(Date.now() + 86_400_000),
        created_at: new Date(),
      })
      .execute();

    const page = await w.newPage();
    const problems: string[] = [];
    const scan = async (label: string) => {
      for (const v of await axeViolations(page)) problems.push(`${label}: ${v}`);
    };
    await page.goto(`${w.baseUrl}/compte/invitation?jeton=${token}`);
    expect(page.url()).not.toContain(token); // the token left the address bar
    await scan("invitation");

    await page.getByLabel("Nouveau mot de passe").fill("court");
    await page.getByRole("button", { name: /rejoindre l’équipe/ }).click();
    await expect.poll(() => page.locator("body").textContent()).toMatch(/au moins 12 caractères/);
    await scan("invitation with an error");
    expect((await w.db.selectFrom("users").select("role").where("id", "=", user.id).executeTakeFirstOrThrow()).role).toBe("resident");

    await page.getByLabel("Nouveau mot de passe").fill("une phrase neuve pour la rédaction");
    await page.getByRole("button", { name: /rejoindre l’équipe/ }).click();
    await expect.poll(async () => (await w.db.selectFrom("users").select("role").where("id", "=", user.id).executeTakeFirstOrThrow()).role).toBe("editor");
    await scan("after acceptance");
    expect(problems).toEqual([]);
    await page.close();
  });
});
