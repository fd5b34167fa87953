// Accounts through the HTTP layer, against a real database and a real SMTP server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "../../../test/agent.js";
import { createArticle, createNeighbourhood, createSite, createTheme } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { linkIn, startMailServer, type MailBox } from "../../../test/mail.js";

let w: TestWorld;
let mail: MailBox;
let n = 0;
const uniqueEmail = () => `habitant${++n}-${Date.now()}@exemple.fr`;
const PASSWORD = "une longue phrase de passe 🌳";

beforeAll(async () => {
  mail = await startMailServer();
  w = await createTestWorld({ smtpUrl: mail.url });
  await createSite(w.db, { site_name: "Ville d’Essai" });
});
afterAll(async () => {
  await w?.close();
  await mail?.close();
});

/** Signs up, follows the e-mailed link, and returns the signed-in agent. */
async function verifiedResident(extra: Record<string, string | string[]> = {}) {
  const agent = new Agent(w.app);
  const email = uniqueEmail();
  const res = await agent.submit("/compte/creer", "/compte/creer", { email, password: PASSWORD, displayName: "Samia", ...extra });
  expect(res.statusCode).toBe(303);
  const link = linkIn(await mail.waitFor(email, /Confirmez/), "/compte/verifier?jeton=");
  const path = new URL(link).pathname + new URL(link).search;
  const token = new URL(link).searchParams.get("jeton")!;
  const confirm = await agent.submit(path, "/compte/verifier", { jeton: token });
  expect(confirm.statusCode).toBe(303);
  expect(confirm.headers.location).toBe("/compte/preferences?bienvenue=1");
  const user = await w.db.selectFrom("users").select(["id", "email_verified_at"]).where("email", "=", email).executeTakeFirstOrThrow();
  return { agent, email, userId: user.id, token };
}

async function signedIn(email: string, password = PASSWORD) {
  const agent = new Agent(w.app);
  const res = await agent.submit("/compte/connexion", "/compte/connexion", { email, password, retour: "/" });
  expect(res.statusCode).toBe(303);
  return agent;
}

describe("sign-up and verification", () => {
  it("creates an unverified account, e-mails a single-use link that confirms and signs in", async () => {
    const { agent, email, userId, token } = await verifiedResident();
    const user = await w.db.selectFrom("users").select(["email_verified_at", "role"]).where("id", "=", userId).executeTakeFirstOrThrow();
    expect(user.email_verified_at).not.toBeNull();
    expect(user.role).toBe("resident");
    expect(agent.sessionCookie()).toBeTruthy();
    const welcome = await agent.get("/compte/preferences?bienvenue=1");
    expect(welcome.statusCode).toBe(200);
    expect(welcome.body).toContain("bienvenue");
    // The link was consumed: it cannot be used again.
    const again = await new Agent(w.app).submit(`/compte/verifier?jeton=${token}`, "/compte/verifier", { jeton: token });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain("n’est plus valable");
    // The verification GET itself changes nothing (mail scanners follow links).
    expect(mail.to(email)).toHaveLength(1);
  });

  it("answers an existing address exactly like a new one, and tells its owner by e-mail", async () => {
    const { email } = await verifiedResident();
    const fresh = await new Agent(w.app).submit("/compte/creer", "/compte/creer", { email: uniqueEmail(), password: PASSWORD });
    const taken = await new Agent(w.app).submit("/compte/creer", "/compte/creer", { email: email.toUpperCase(), password: PASSWORD });
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.headers.location).toBe(fresh.headers.location);
    expect((await mail.waitFor(email, /déjà un compte/)).text).toContain("Aucun nouveau compte");
    const count = await w.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it.each([
    ["court1234", "au moins 12 caractères"],
    ["a".repeat(129), "dépasser 128"],
    ["123456789012", "plus utilisés"],
    ["motdepasse123", "trop facile à deviner"],
    ["Ville d’Essai2024", "trop facile à deviner"],
    ["aaaaaaaaaaaaaaa", "trop répétitif"],
  ])("refuses the password %j with a message next to the field, keeping the other values", async (password, message) => {
    const agent = new Agent(w.app);
    const res = await agent.submit("/compte/creer", "/compte/creer", { email: "garde@exemple.fr", password, displayName: "Nom gardé" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(message);
    expect(res.body).toContain('id="champ-password-erreur"');
    expect(res.body).toContain('value="garde@exemple.fr"');
    expect(res.body).toContain('value="Nom gardé"');
    expect(res.body).not.toContain(password.length > 20 ? password : "\u0000");
  });

  it("accepts 12 characters and 64 with any Unicode", async () => {
    for (const password of ["éléphant vert", "🌳🏠🚲🎨📚⚽🌳🏠🚲🎨📚⚽", `${"x".repeat(30)} ${"ç".repeat(33)}`]) {
      const res = await new Agent(w.app).submit("/compte/creer", "/compte/creer", { email: uniqueEmail(), password });
      expect(res.statusCode, password).toBe(303);
    }
  });

  it("ignores role or verification fields sent with the form", async () => {
    const email = uniqueEmail();
    await new Agent(w.app).submit("/compte/creer", "/compte/creer", {
      email,
      password: PASSWORD,
      role: "admin",
      email_verified_at: "2020-01-01",
      emailVerified: "1",
    });
    const user = await w.db.selectFrom("users").select(["role", "email_verified_at"]).where("email", "=", email).executeTakeFirstOrThrow();
    expect(user).toEqual({ role: "resident", email_verified_at: null });
  });

  it("saves the interests and the separate, unticked digest consent with its date", async () => {
    const theme = await createTheme(w.db);
    const place = await createNeighbourhood(w.db);
    const page = await new Agent(w.app).get("/compte/creer");
    expect(page.body).toMatch(/<input type="checkbox" id="champ-digest" name="digest"(?![^>]*checked)/);
    const email = uniqueEmail();
    await new Agent(w.app).submit("/compte/creer", "/compte/creer", {
      email,
      password: PASSWORD,
      themes: [String(theme.id), "999999"],
      quartiers: String(place.id),
      digest: "on",
    });
    const user = await w.db.selectFrom("users").select(["id", "digest_consent", "digest_consent_at"]).where("email", "=", email).executeTakeFirstOrThrow();
    expect(user.digest_consent).toBe(true);
    expect(user.digest_consent_at).toBeInstanceOf(Date);
    const themes = await w.db.selectFrom("user_themes").select("theme_id").where("user_id", "=", user.id).execute();
    expect(themes.map((t) => t.theme_id)).toEqual([theme.id]);
  });

  it("lets an unverified account sign in, shows a warning and sends only the verification", async () => {
    const email = uniqueEmail();
    await new Agent(w.app).submit("/compte/creer", "/compte/creer", { email, password: PASSWORD });
    const agent = await signedIn(email);
    const dash = await agent.get("/compte");
    expect(dash.body).toContain("n’est pas encore confirmée");
    const resend = await agent.submit("/compte", "/compte/renvoyer-confirmation", {});
    expect(resend.statusCode).toBe(303);
    for (const m of mail.to(email)) expect(m.subject).toMatch(/Confirmez/);
  });
});

describe("CSRF", () => {
  it("refuses a state-changing request without token, with a wrong one, cross-site or from another origin", async () => {
    const agent = new Agent(w.app);
    const token = await agent.csrf("/compte/connexion");
    const form = { email: "x@exemple.fr", password: "whatever-password" };
    expect((await agent.post("/compte/connexion", form)).statusCode).toBe(403);
    expect((await agent.post("/compte/connexion", { ...form, _csrf: `${token}x` })).statusCode).toBe(403);
    expect((await agent.post("/compte/connexion", { ...form, _csrf: token }, { "sec-fetch-site": "cross-site" })).statusCode).toBe(403);
    expect((await agent.post("/compte/connexion", { ...form, _csrf: token }, { origin: "https://evil.example" })).statusCode).toBe(403);
    const page = await agent.post("/compte/connexion", form);
    expect(page.body).toContain("Accès refusé");
    // the right token from the right origin passes the check (and fails on credentials)
    expect((await agent.post("/compte/connexion", { ...form, _csrf: token }, { origin: "https://portail.test" })).statusCode).toBe(400);
  });

  it("binds the token of a signed-in person to their session", async () => {
    const { agent } = await verifiedResident();
    const other = await verifiedResident();
    const theirs = await other.agent.csrf("/compte/donnees");
    expect((await agent.post("/compte/donnees", { _csrf: theirs })).statusCode).toBe(403);
  });
});

describe("sign-in, sessions and sign-out", () => {
  it("gives the same answer for a wrong password and an unknown address", async () => {
    const { email } = await verifiedResident();
    const wrong = await new Agent(w.app).submit("/compte/connexion", "/compte/connexion", { email, password: "pas le bon mot de passe" });
    const unknown = await new Agent(w.app).submit("/compte/connexion", "/compte/connexion", { email: uniqueEmail(), password: "pas le bon mot de passe" });
    expect(wrong.statusCode).toBe(400);
    expect(unknown.statusCode).toBe(400);
    const msg = (html: string) => /class="field__error">([\s\S]*?)<\/p>/.exec(html)?.[1];
    expect(msg(wrong.body)).toBe(msg(unknown.body));
  });

  it("sets a hardened cookie, issues a new session at each sign-in and ends it server-side on sign-out", async () => {
    const { email } = await verifiedResident();
    const agent = new Agent(w.app);
    const first = await agent.submit("/compte/connexion", "/compte/connexion", { email, password: PASSWORD, retour: "/compte" });
    const setCookie = String(first.headers["set-cookie"]);
    expect(setCookie).toMatch(/__Host-portail_session=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax/);
    expect(first.headers.location).toBe("/compte");
    const before = agent.sessionCookie()!;
    await agent.submit("/compte", "/compte/connexion", { email, password: PASSWORD });
    const after = agent.sessionCookie()!;
    expect(after).not.toBe(before);
    // the old token no longer signs anyone in (no fixation, no leftover)
    const replay = await w.app.inject({ url: "/compte", headers: { cookie: `__Host-portail_session=${before}` } });
    expect(replay.statusCode).toBe(303);
    const out = await agent.submit("/compte", "/compte/deconnexion", {});
    expect(out.statusCode).toBe(303);
    const replayAfter = await w.app.inject({ url: "/compte", headers: { cookie: `__Host-portail_session=${after}` } });
    expect(replayAfter.statusCode).toBe(303);
    expect(replayAfter.headers.location).toBe("/compte/connexion?retour=%2Fcompte");
  });

  it.each(["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)"])(
    "never redirects outside the site (retour=%s)",
    async (retour) => {
      const { email } = await verifiedResident();
      const res = await new Agent(w.app).submit("/compte/connexion", "/compte/connexion", { email, password: PASSWORD, retour });
      expect(res.headers.location).toBe("/");
    },
  );

  it("expires sessions after the idle delay", async () => {
    const { agent } = await verifiedResident();
    expect((await agent.get("/compte")).statusCode).toBe(200);
    const saved = w.clock.now;
    try {
      w.clock.now = new Date(saved.getTime() + 15 * 86_400_000);
      expect((await agent.get("/compte")).statusCode).toBe(303);
    } finally {
      w.clock.now = saved;
    }
  });

  it("lists the account's sessions and revokes one, but never another account's", async () => {
    const { email } = await verifiedResident();
    const laptop = await signedIn(email);
    const phone = await signedIn(email);
    const page = await laptop.get("/compte/sessions");
    expect(page.body).toContain("Chrome sur Linux");
    expect(page.body).toContain("(cette connexion)");
    const ids = [...page.body.matchAll(/\/compte\/sessions\/(\d+)\/revoquer/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const intruder = await verifiedResident();
    const idor = await intruder.agent.submit("/compte/sessions", `/compte/sessions/${ids[0]}/revoquer`, {});
    expect(idor.statusCode).toBe(404);
    expect((await phone.get("/compte")).statusCode).toBe(200);
    for (const id of ids) await laptop.submit("/compte/sessions", `/compte/sessions/${id}/revoquer`, {});
    expect((await laptop.get("/compte")).statusCode).toBe(200); // its own session is not listed for revocation
    expect((await phone.get("/compte")).statusCode).toBe(303);
  });
});

describe("rate limits", () => {
  it("answers 429 in French after too many attempts on one account, and lets the owner back after the window", async () => {
    const { email } = await verifiedResident();
    const agent = new Agent(w.app);
    const token = await agent.csrf("/compte/connexion");
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await agent.post("/compte/connexion", { _csrf: token, email, password: "mauvais mot de passe" })).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    const limited = await agent.post("/compte/connexion", { _csrf: token, email, password: PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(15 * 60);
    expect(limited.body).toContain("Trop de demandes");
    const saved = w.clock.now;
    try {
      w.clock.now = new Date(saved.getTime() + 16 * 60_000);
      expect((await agent.post("/compte/connexion", { _csrf: token, email, password: PASSWORD })).statusCode).toBe(303);
    } finally {
      w.clock.now = saved;
    }
  });

  it("keeps its counters in the database, so a restart does not reset them", async () => {
    const rows = await w.db.selectFrom("rate_limits").select(["key", "count"]).where("key", "like", "signin:account:%").execute();
    expect(rows.some((r) => r.count >= 11)).toBe(true);
    expect(rows.every((r) => !r.key.includes("@"))).toBe(true); // no e-mail address stored
  });
});

describe("password reset and change", () => {
  it("sends a single-use, expiring link, ends every session and tells the owner", async () => {
    const { email, agent: oldSession } = await verifiedResident();
    const unknown = await new Agent(w.app).submit("/compte/mot-de-passe-oublie", "/compte/mot-de-passe-oublie", { email: uniqueEmail() });
    const known = await new Agent(w.app).submit("/compte/mot-de-passe-oublie", "/compte/mot-de-passe-oublie", { email });
    expect(known.statusCode).toBe(unknown.statusCode);
    expect(known.headers.location).toBe(unknown.headers.location);
    const link = new URL(linkIn(await mail.waitFor(email, /nouveau mot de passe/), "/compte/reinitialiser?jeton="));
    const token = link.searchParams.get("jeton")!;
    const agent = new Agent(w.app);
    expect((await agent.open(link.pathname + link.search)).statusCode).toBe(200);
    // a verification token is not a reset token
    const { token: verifyToken } = await verifiedResident();
    expect(
      (await agent.submit(link.pathname + link.search, "/compte/reinitialiser", { jeton: verifyToken, password: "une toute nouvelle phrase" })).statusCode,
    ).toBe(400);
    const ok = await agent.submit(link.pathname + link.search, "/compte/reinitialiser", { jeton: token, password: "une toute nouvelle phrase" });
    expect(ok.statusCode).toBe(303);
    expect((await oldSession.get("/compte")).statusCode).toBe(303);
    expect((await mail.waitFor(email, /a été modifié/)).text).toContain("autres connexions");
    const reuse = await agent.post("/compte/reinitialiser", {
      _csrf: await agent.csrf("/compte/connexion"),
      jeton: token,
      password: "encore une autre phrase",
    });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.body).toContain("n’est plus valable");
    await signedIn(email, "une toute nouvelle phrase");
  });

  it("refuses an expired reset link", async () => {
    const { email } = await verifiedResident();
    await new Agent(w.app).submit("/compte/mot-de-passe-oublie", "/compte/mot-de-passe-oublie", { email });
    const link = new URL(linkIn(await mail.waitFor(email, /nouveau mot de passe/), "/compte/reinitialiser?jeton="));
    const saved = w.clock.now;
    try {
      w.clock.now = new Date(saved.getTime() + 61 * 60_000);
      expect((await new Agent(w.app).open(link.pathname + link.search)).statusCode).toBe(400);
    } finally {
      w.clock.now = saved;
    }
  });

  it("changes the password only with the current one, keeping this session and ending the others", async () => {
    const { email, agent } = await verifiedResident();
    const other = await signedIn(email);
    const bad = await agent.submit("/compte/mot-de-passe", "/compte/mot-de-passe", { current: "pas le bon", next: "une phrase toute neuve" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Le mot de passe actuel est incorrect.");
    const ok = await agent.submit("/compte/mot-de-passe", "/compte/mot-de-passe", { current: PASSWORD, next: "une phrase toute neuve" });
    expect(ok.statusCode).toBe(303);
    expect((await agent.get("/compte")).statusCode).toBe(200);
    expect((await other.get("/compte")).statusCode).toBe(303);
    await mail.waitFor(email, /a été modifié/);
  });
});

describe("favourites", () => {
  it("adds a favourite once signed in when an anonymous visitor asked for it", async () => {
    const { email, userId } = await verifiedResident();
    const article = await createArticle(w.db);
    const anonymous = await new Agent(w.app).get(article.path);
    expect(anonymous.body).toContain(`/compte/connexion?retour=${encodeURIComponent(article.path)}&amp;favori=${article.id}`);
    const agent = new Agent(w.app);
    const res = await agent.submit(`/compte/connexion?retour=${encodeURIComponent(article.path)}&favori=${article.id}`, "/compte/connexion", {
      email,
      password: PASSWORD,
      retour: article.path,
      favori: String(article.id),
    });
    expect(res.headers.location).toBe(article.path);
    const rows = await w.db.selectFrom("favourites").select("content_id").where("user_id", "=", userId).execute();
    expect(rows.map((r) => r.content_id)).toEqual([article.id]);
    const page = await agent.get(article.path);
    expect(page.body).toContain('aria-pressed="true"');
    expect(page.body).toContain("Retirer de mes favoris");
  });

  it("never adds a favourite on a GET, even for a signed-in person following a sign-in link", async () => {
    const { agent, userId } = await verifiedResident();
    const article = await createArticle(w.db);
    const res = await agent.get(`/compte/connexion?retour=${encodeURIComponent(article.path)}&favori=${article.id}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(article.path);
    expect(await w.db.selectFrom("favourites").select("content_id").where("user_id", "=", userId).execute()).toHaveLength(0);
  });

  // The toggle and the list page are tested in src/modules/favourites/favourites.int.test.ts.

  it("never lets a personalised page into the anonymous cache", async () => {
    const { agent } = await verifiedResident();
    const article = await createArticle(w.db, { title: "Article partagé en cache" });
    w.pageCache.clear();
    await agent.submit(article.path, "/compte/favoris", { contenu: String(article.id), action: "ajouter", retour: article.path });
    const personal = await agent.get(article.path);
    expect(personal.headers["cache-control"]).toBe("private, no-store");
    expect(personal.body).toContain("Retirer de mes favoris");
    expect(w.pageCache.size).toBe(0);
    const anonymous = await w.app.inject({ url: article.path });
    expect(anonymous.headers["cache-control"]).toMatch(/^public/);
    expect(anonymous.body).not.toContain("Retirer de mes favoris");
    expect(anonymous.body).not.toContain("_csrf");
    expect(anonymous.body).not.toContain("Se déconnecter");
    // and the anonymous copy now cached is not served to the signed-in person
    const again = await agent.get(article.path);
    expect(again.headers["x-cache"]).toBeUndefined();
    expect(again.body).toContain("Retirer de mes favoris");
  });
});

describe("personalised news", () => {
  it("opens the home page on Pour vous, ranked by interests, and explains an empty choice", async () => {
    const theme = await createTheme(w.db, { name: "Thème suivi" });
    const other = await createTheme(w.db, { name: "Autre thème" });
    await createArticle(w.db, { title: "Ce qui vous concerne", themeIds: [theme.id] });
    await createArticle(w.db, { title: "Ce qui ne vous concerne pas", themeIds: [other.id] });
    const empty = await verifiedResident();
    expect((await empty.agent.get("/")).body).toContain("Choisissez vos thèmes et vos quartiers");
    const { agent } = await verifiedResident({ themes: String(theme.id) });
    const home = await agent.get("/");
    const forYou = home.body.slice(home.body.indexOf('id="pour-vous"'), home.body.indexOf('id="a-la-une"'));
    expect(forYou).toContain("Ce qui vous concerne");
    expect(forYou).not.toContain("Ce qui ne vous concerne pas");
    const feed = await agent.get("/compte/mon-fil");
    expect(feed.body).toContain("Ce qui vous concerne");
    expect((await w.app.inject({ url: "/" })).body).not.toContain("Pour vous");
  });

  it("edits interests, display name and consent in preferences", async () => {
    const theme = await createTheme(w.db);
    const { agent, userId } = await verifiedResident({ digest: "on" });
    const res = await agent.submit("/compte/preferences", "/compte/preferences", { displayName: "Nouveau nom", themes: String(theme.id) });
    expect(res.statusCode).toBe(303);
    const user = await w.db
      .selectFrom("users")
      .select(["display_name", "digest_consent", "digest_consent_at"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ display_name: "Nouveau nom", digest_consent: false, digest_consent_at: null });
    const bad = await agent.submit("/compte/preferences", "/compte/preferences", { displayName: "<script>" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("caractères non autorisés");
  });

  it("changes the e-mail address only once the new one is confirmed", async () => {
    const { agent, email, userId } = await verifiedResident();
    const newEmail = uniqueEmail();
    const wrong = await agent.submit("/compte/preferences", "/compte/adresse", { newEmail, emailPassword: "faux" });
    expect(wrong.statusCode).toBe(400);
    await agent.submit("/compte/preferences", "/compte/adresse", { newEmail, emailPassword: PASSWORD });
    let user = await w.db.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirstOrThrow();
    expect(user.email).toBe(email);
    const link = new URL(linkIn(await mail.waitFor(newEmail, /nouvelle adresse/), "/compte/verifier?jeton="));
    await agent.submit(link.pathname + link.search, "/compte/verifier", { jeton: link.searchParams.get("jeton")! });
    user = await w.db.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirstOrThrow();
    expect(user.email).toBe(newEmail);
    await mail.waitFor(email, /adresse e-mail a été modifiée/);
  });
});

describe("RGPD", () => {
  it("downloads everything held about the account as JSON, without secrets", async () => {
    const theme = await createTheme(w.db, { name: "Thème exporté" });
    const { agent, email } = await verifiedResident({ themes: String(theme.id), digest: "on" });
    const article = await createArticle(w.db, { title: "Article exporté" });
    await agent.submit(article.path, "/compte/favoris", { contenu: String(article.id), action: "ajouter", retour: "/" });
    const res = await agent.submit("/compte/donnees", "/compte/donnees", {});
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="mes-donnees-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    const data = res.json();
    expect(data.profile.email).toBe(email);
    expect(data.interests.themes.map((t: { name: string }) => t.name)).toEqual(["Thème exporté"]);
    expect(data.favourites.map((f: { title: string }) => f.title)).toEqual(["Article exporté"]);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.consents[0]).toMatchObject({ given: true });
    expect(res.body).not.toMatch(/argon2|password_hash|token_hash|csrf/i);
  });

  it("deletes the account in one go with the password: data gone, sessions ended, address free again", async () => {
    const { agent, email, userId } = await verifiedResident();
    const article = await createArticle(w.db);
    await agent.submit(article.path, "/compte/favoris", { contenu: String(article.id), action: "ajouter", retour: "/" });
    const other = await signedIn(email);
    const wrong = await agent.submit("/compte/donnees", "/compte/supprimer", { password: "pas le bon" });
    expect(wrong.statusCode).toBe(400);
    const res = await agent.submit("/compte/donnees", "/compte/supprimer", { password: PASSWORD });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/compte/supprime");
    for (const table of ["users", "sessions", "user_tokens", "favourites", "user_themes", "user_neighbourhoods"] as const) {
      const column = table === "users" ? "id" : "user_id";
      const rows = await w.db
        .selectFrom(table)
        .select(column as never)
        .where(column as never, "=", userId as never)
        .execute();
      expect(rows, table).toHaveLength(0);
    }
    expect((await other.get("/compte")).statusCode).toBe(303);
    expect((await new Agent(w.app).submit("/compte/connexion", "/compte/connexion", { email, password: PASSWORD })).statusCode).toBe(400);
    expect((await new Agent(w.app).submit("/compte/creer", "/compte/creer", { email, password: PASSWORD })).statusCode).toBe(303);
    expect(await w.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()).toBeDefined();
  });
});

describe("permissions", () => {
  const protectedPages = [
    "/compte",
    "/compte/mon-fil",
    "/compte/favoris",
    "/compte/preferences",
    "/compte/mot-de-passe",
    "/compte/sessions",
    "/compte/donnees",
  ];
  const publicPages = ["/compte/creer", "/compte/connexion", "/compte/mot-de-passe-oublie", "/compte/creer/merci", "/compte/supprime"];

  it.each(protectedPages)("%s: anonymous -> sign-in with return path; resident -> 200, private", async (url) => {
    const anonymous = await w.app.inject({ url });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/compte/connexion?retour=${encodeURIComponent(url)}`);
    const { agent } = await verifiedResident();
    const res = await agent.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("private, no-store");
  });

  it.each(publicPages)("%s: open to anonymous visitors, never cached", async (url) => {
    const res = await w.app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("private, no-store");
  });

  it("keeps cookies off public content pages, even after visiting a form", async () => {
    const agent = new Agent(w.app);
    await agent.get("/compte/connexion");
    expect(agent.cookies.size).toBe(1); // the anonymous CSRF cookie of the form
    const res = await w.app.inject({ url: "/" });
    expect(res.headers["set-cookie"]).toBeUndefined();
  });
});
