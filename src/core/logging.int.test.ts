// What the logs keep: a reader of every log line must not be able to take an account over
// (reset, verification, invitation and preview tokens) nor learn what people typed (e-mail
// addresses, a searched address, search text), while each request line still says which
// request it was (method, path, status, request id).
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "../../test/agent.js";
import { createContent, createSite } from "../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../test/helpers.js";
import { linkIn, startMailServer, type MailBox } from "../../test/mail.js";
import { createStaff } from "../../test/staff.js";
import { hashToken, randomToken } from "./auth/tokens.js";
import { redactUrl, serializeError } from "./logger.js";

let w: TestWorld;
let mail: MailBox;
const lines: string[] = [];
const PASSWORD = "une longue phrase de passe pour les journaux";

beforeAll(async () => {
  mail = await startMailServer();
  w = await createTestWorld({ smtpUrl: mail.url, env: { LOG_LEVEL: "info" }, logStream: { write: (line) => void lines.push(line) } });
  await createSite(w.db);
});
afterAll(async () => {
  await w?.close();
  await mail?.close();
});

/** The fields of a log line these tests read (any of them may be missing from a given line). */
interface LogLine {
  msg?: string;
  reqId?: unknown;
  res?: { method?: string; url?: string; statusCode?: unknown };
  err?: { code?: string; message?: string };
}

/** Every log line written since `from`, parsed. */
function logSince(from: number): LogLine[] {
  return lines.slice(from).map((l) => JSON.parse(l) as LogLine);
}

function expectNowhere(from: number, secrets: string[]) {
  const text = lines.slice(from).join("\n");
  for (const secret of secrets) {
    expect(text, `"${secret}" in the log`).not.toContain(secret);
    expect(text).not.toContain(encodeURIComponent(secret));
  }
}

/** The "request completed" line of a request: one line that says what happened. */
function completed(from: number, method: string, path: string) {
  return logSince(from).find((l) => l.msg === "request completed" && l.res?.method === method && String(l.res?.url).split("?")[0] === path);
}

describe("request and error logs", () => {
  it("keep verification and reset tokens out, and the e-mailed links out of the address bar", async () => {
    const from = lines.length;
    const email = `journal-${Date.now()}@exemple.fr`;
    const agent = new Agent(w.app);
    expect((await agent.submit("/compte/creer", "/compte/creer", { email, password: PASSWORD })).statusCode).toBe(303);
    const verify = new URL(linkIn(await mail.waitFor(email, /Confirmez/), "/compte/verifier?jeton="));
    const verifyToken = verify.searchParams.get("jeton")!;

    // The link's GET moves the token into a cookie for that page and comes back without it.
    const opened = await agent.get(verify.pathname + verify.search);
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe("/compte/verifier");
    const cookie = String(opened.headers["set-cookie"]);
    for (const part of ["__Secure-portail_jeton_verifier=", "Path=/compte/verifier", "HttpOnly", "SameSite=Lax", "Secure"]) expect(cookie).toContain(part);
    const page = await agent.get("/compte/verifier");
    expect(page.statusCode).toBe(200);
    expect(page.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const confirmed = await agent.submit("/compte/verifier", "/compte/verifier", { jeton: verifyToken });
    expect(confirmed.statusCode).toBe(303);

    expect((await new Agent(w.app).submit("/compte/mot-de-passe-oublie", "/compte/mot-de-passe-oublie", { email })).statusCode).toBe(303);
    const reset = new URL(linkIn(await mail.waitFor(email, /nouveau mot de passe/), "/compte/reinitialiser?jeton="));
    const resetToken = reset.searchParams.get("jeton")!;
    const other = new Agent(w.app);
    const form = await other.open(reset.pathname + reset.search);
    expect(form.statusCode).toBe(200);
    const done = await other.post("/compte/reinitialiser", {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!,
      jeton: resetToken,
      password: "une toute nouvelle phrase de passe",
    });
    expect(done.statusCode).toBe(303);

    expectNowhere(from, [verifyToken, resetToken, email]);
    const line = completed(from, "GET", "/compte/reinitialiser");
    expect(line).toBeDefined();
    expect(line!.res?.statusCode).toBeTypeOf("number");
    expect(line!.reqId).toBeTruthy();
    expect(logSince(from).some((l) => l.msg === "request completed" && l.res?.url === "/compte/reinitialiser?jeton=[redacted]")).toBe(true);
    // One line per request: no separate "incoming request" line (half the logging work).
    expect(logSince(from).some((l) => l.msg === "incoming request")).toBe(false);
  });

  it("keep invitation and preview tokens out", async () => {
    const from = lines.length;
    const admin = await createStaff(w, "admin");
    const invited = `invitee-${Date.now()}@ville.test`;
    expect((await admin.agent.send("/admin/equipe", { email: invited, displayName: "", role: "editor" })).statusCode).toBe(303);
    const link = new URL(linkIn(await mail.waitFor(invited, /Invitation/), "/compte/invitation"));
    const invitationToken = link.searchParams.get("jeton")!;
    expect(invitationToken.length).toBeGreaterThan(20);
    const page = await new Agent(w.app).open(link.pathname + link.search);
    expect(page.statusCode).toBe(200);

    const item = await createContent(w.db, { status: "draft", title: "Brouillon partagé" });
    const previewToken = randomToken();
    await w.db
      .updateTable("content_items")
      .set({ preview_token_hash: hashToken(previewToken), preview_expires_at: new Date(w.clock.now.getTime() + 86_400_000) })
      .where("id", "=", item.id)
      .execute();
    expect((await w.app.inject({ url: `/apercu/${previewToken}` })).statusCode).toBe(200);
    expect((await w.app.inject({ url: `/%61percu/${previewToken}` })).statusCode).toBeLessThan(500);

    expectNowhere(from, [invitationToken, previewToken, invited]);
    expect(completed(from, "GET", "/apercu/[redacted]")?.res?.statusCode).toBe(200);
  });

  it("keep typed addresses and search text out, and keep harmless navigation state", async () => {
    const from = lines.length;
    const address = "12 rue des Secrets";
    const search = "maladie de ma voisine";
    await w.app.inject({ url: `/politique-de-la-ville/adresse?adresse=${encodeURIComponent(address)}` });
    await w.app.inject({ url: `/politique-de-la-ville/adresse?lon=3.0912&lat=50.6311&libelle=${encodeURIComponent(address)}` });
    await w.app.inject({ url: `/recherche?q=${encodeURIComponent(search)}&page=2` });
    expectNowhere(from, [address, search, "3.0912", "50.6311", "rue des Secrets", "voisine"]);
    expect(completed(from, "GET", "/recherche")?.res?.url).toBe("/recherche?q=[redacted]&page=2");
  });

  it("keep the values a failing database query carries out of error lines", async () => {
    const from = lines.length;
    const email = `doublon-${Date.now()}@exemple.fr`;
    const insert = () => w.db.insertInto("users").values({ email, password_hash: "x", role: "resident", display_name: "Doublon" }).execute();
    await insert();
    const failures: unknown[] = [];
    await insert().catch((e: unknown) => failures.push(e));
    await w.db
      .selectFrom("users")
      .select("id")
      .where("id", "=", sql<number>`${email}::int`)
      .execute()
      .catch((e: unknown) => failures.push(e));
    expect(failures).toHaveLength(2);
    // What the app's error handler and job worker do with an error.
    for (const err of failures) w.app.log.error({ err, errorId: "test" }, "request failed");
    expectNowhere(from, [email, email.split("@")[0]!]);
    const logged = logSince(from).filter((l) => l.msg === "request failed");
    expect(logged).toHaveLength(2);
    for (const l of logged) {
      expect(l.err?.code).toMatch(/^(23505|22P02)$/);
      expect(l.err?.message).toBeTruthy();
      expect(l.err).not.toHaveProperty("params");
      expect(l.err).not.toHaveProperty("detail");
    }
    // Identifiers stay readable: they tell which constraint failed.
    expect(logged.find((l) => l.err?.code === "23505")?.err?.message).toContain("users_email");
  });
});

describe("redactUrl", () => {
  it.each([
    ["/compte/reinitialiser?jeton=abc", "/compte/reinitialiser?jeton=[redacted]"],
    ["/apercu/AbC123xyz", "/apercu/[redacted]"],
    ["/%61percu/AbC123xyz/suite", "/%61percu/[redacted]/[redacted]"],
    ["/actualites?page=2&tri=date", "/actualites?page=2&tri=date"],
    ["/recherche?q=x&Q=y&page=1", "/recherche?q=[redacted]&Q=[redacted]&page=1"],
    ["/x?alice%40exemple.fr", "/x?[redacted]"],
    [`/x?page=${"9".repeat(100)}`, "/x?page=[redacted]"],
    ["/jobs/Zx8_k2LmQ9vT4bN7rP1sW3yA6cE0dF5g", "/jobs/[redacted]"],
    ["/actualites/un-titre-assez-long-pour-ressembler-a-un-jeton-2026", "/actualites/un-titre-assez-long-pour-ressembler-a-un-jeton-2026"],
  ])("%s", (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});

describe("serializeError", () => {
  it("drops value fields and quoted values, keeps identifiers, code and causes", () => {
    const err = Object.assign(new Error('invalid input value for enum role: "bob@exemple.fr"'), {
      code: "22P02",
      severity: "ERROR",
      detail: "Key (email)=(bob@exemple.fr) already exists.",
      params: ["bob@exemple.fr"],
      query: "select $1",
      constraint: "users_email_key",
      cause: new Error('duplicate key value violates unique constraint "users_email_key" for "secret value"'),
    });
    const out = serializeError(err);
    expect(JSON.stringify(out)).not.toContain("bob@");
    expect(JSON.stringify(out)).not.toContain("secret value");
    expect(out).toMatchObject({ code: "22P02", constraint: "users_email_key" });
    expect((out.cause as { message: string }).message).toContain('constraint "users_email_key"');
  });
});
