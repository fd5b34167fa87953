import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../src/core/auth/passwords.js";
import { openPGlite, wrapPGlite } from "../src/core/db/create-db.js";
import { ConflictError, ValidationError } from "../src/core/errors.js";
import { createTestDatabase, type TestDatabase } from "../test/helpers.js";
import { createAdmin, main, parseCreateAdminArgs } from "./create-admin.js";

const PASSWORD = "une longue phrase pour la mairie annexe";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.insertInto("site_settings").values({ id: 1, site_name: "Ville de Roubaix", short_name: "Roubaix" }).execute();
});
afterAll(async () => {
  await t?.destroy();
});

const user = (email: string) =>
  t.db.selectFrom("users").select(["id", "email", "role", "email_verified_at", "totp_required", "password_hash"]).where("email", "=", email).executeTakeFirst();
const events = (userId: number) =>
  t.db
    .selectFrom("audit_events")
    .select(["action", "actor_id", "actor_label", "details"])
    .where("target_type", "=", "user")
    .where("target_id", "=", String(userId))
    .execute();

describe("createAdmin", () => {
  it("creates a verified admin who must set up a second factor, and records it", async () => {
    const now = new Date("2026-12-01T09:00:00Z");
    const result = await createAdmin(t.db, { email: "  DSI@Ville.fr ", password: PASSWORD, promote: false, now });
    expect(result).toMatchObject({ email: "dsi@ville.fr", previousRole: null });
    const row = await user("dsi@ville.fr");
    expect(row).toMatchObject({ id: result.userId, role: "admin", totp_required: true, email_verified_at: now });
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row!.password_hash, PASSWORD)).toBe(true);
    expect(await events(result.userId)).toEqual([
      { action: "staff.create_admin", actor_id: null, actor_label: "npm run create-admin", details: { promoted: false } },
    ]);
  });

  it("refuses weak passwords and bad addresses with French messages, creating nothing", async () => {
    const attempts: [string, string, RegExp][] = [
      ["court@ville.fr", "admin", /au moins 12 caractères/],
      ["commun@ville.fr", "motdepasse123", /plus utilisés|trop facile/],
      ["roubaix@ville.fr", "Roubaix2026!!", /trop facile à deviner/],
      ["pas-une-adresse", PASSWORD, /adresse e-mail valide/],
    ];
    for (const [email, password, message] of attempts) {
      const error = await createAdmin(t.db, { email, password, promote: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.values((error as ValidationError).fields).join(" ")).toMatch(message);
      expect(await user(email)).toBeUndefined();
    }
  });

  it("refuses an existing address unless asked to promote it", async () => {
    const resident = await t.db
      .insertInto("users")
      .values({ email: "agent@ville.fr", password_hash: "old", role: "resident" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("sessions")
      .values({ token_hash: "h1", user_id: resident.id, csrf_token: "c", expires_at: new Date(Date.now() + 86_400_000) })
      .execute();

    const refused = await createAdmin(t.db, { email: "Agent@ville.fr", password: PASSWORD, promote: false }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as Error).message).toMatch(/--promote/);
    expect((await user("agent@ville.fr"))!.role).toBe("resident");

    const promoted = await createAdmin(t.db, { email: "agent@ville.fr", password: PASSWORD, promote: true });
    expect(promoted).toEqual({ userId: resident.id, email: "agent@ville.fr", previousRole: "resident" });
    const row = await user("agent@ville.fr");
    expect(row).toMatchObject({ role: "admin", totp_required: true });
    expect(row!.email_verified_at).not.toBeNull();
    expect(await verifyPassword(row!.password_hash, PASSWORD)).toBe(true);
    // privileges changed: the sessions opened as a resident are gone
    expect(await t.db.selectFrom("sessions").select("id").where("user_id", "=", resident.id).execute()).toEqual([]);
    expect((await events(resident.id)).map((e) => e.details)).toEqual([{ promoted: true, previous_role: "resident" }]);
  });

  it("promoting drops the second factor, recovery codes, links and invitation set up on the old credential", async () => {
    const later = new Date(Date.now() + 7 * 86_400_000);
    const squatter = await t.db
      .insertInto("users")
      .values({ email: "squat@ville.fr", password_hash: "old", role: "resident", totp_secret: "JBSWY3DPEHPK3PXP", totp_enabled_at: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db.insertInto("recovery_codes").values({ user_id: squatter.id, code_hash: "rc" }).execute();
    await t.db.insertInto("user_tokens").values({ token_hash: "reset-old", user_id: squatter.id, purpose: "reset_password", expires_at: later }).execute();
    await t.db.insertInto("pending_sign_ins").values({ token_hash: "pending-old", user_id: squatter.id, expires_at: later }).execute();
    await t.db
      .insertInto("staff_invitations")
      .values({ user_id: squatter.id, email: "squat@ville.fr", role: "editor", token_hash: "inv-old", expires_at: later, created_at: new Date() })
      .execute();

    await createAdmin(t.db, { email: "squat@ville.fr", password: PASSWORD, promote: true });

    const row = await t.db
      .selectFrom("users")
      .select(["role", "totp_secret", "totp_enabled_at", "totp_required"])
      .where("id", "=", squatter.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ role: "admin", totp_secret: null, totp_enabled_at: null, totp_required: true });
    expect(await t.db.selectFrom("recovery_codes").select("id").where("user_id", "=", squatter.id).execute()).toEqual([]);
    expect(await t.db.selectFrom("pending_sign_ins").select("id").where("user_id", "=", squatter.id).execute()).toEqual([]);
    const token = await t.db.selectFrom("user_tokens").select("used_at").where("token_hash", "=", "reset-old").executeTakeFirstOrThrow();
    expect(token.used_at).not.toBeNull();
    const invitation = await t.db.selectFrom("staff_invitations").select("revoked_at").where("token_hash", "=", "inv-old").executeTakeFirstOrThrow();
    expect(invitation.revoked_at).not.toBeNull();
  });

  it("gives one winner when two runs race for the same address", async () => {
    const results = await Promise.allSettled([1, 2, 3].map(() => createAdmin(t.db, { email: "course@ville.fr", password: PASSWORD, promote: false })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
  });
});

describe("command-line arguments", () => {
  it("reads --email in both spellings and --promote", () => {
    expect(parseCreateAdminArgs(["--email", "a@b.fr"])).toEqual({ email: "a@b.fr", promote: false, help: false, errors: [] });
    expect(parseCreateAdminArgs(["--email=a@b.fr", "--promote"])).toMatchObject({ email: "a@b.fr", promote: true, errors: [] });
  });
  it("explains mistakes in French", () => {
    expect(parseCreateAdminArgs([]).errors).toEqual(["Indiquez l’adresse avec --email."]);
    expect(parseCreateAdminArgs(["--email"]).errors).toEqual(["--email attend une adresse."]);
    expect(parseCreateAdminArgs(["--email", "a@b.fr", "--password", "x"]).errors).toEqual(["Option inconnue : --password", "Option inconnue : x"]);
  });
});

// The command itself, in-process: the same code `npm run create-admin` runs (arguments,
// piped password, messages, exit codes), on this file's database.
describe("npm run create-admin, in-process", () => {
  async function run(args: string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    const code = await main(args, {
      stdin: Readable.from([stdin]),
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: { NODE_ENV: "test" },
      // the file's database, left open for the other tests
      openDatabase: async () => ({ db: t.db, kind: t.kind, close: async () => {} }),
    });
    return { code, stdout, stderr };
  }

  it("creates the admin from a piped password, then refuses a second run", async () => {
    const first = await run(["--email", "premiere.admin@ville.fr"], `${PASSWORD}\nignored second line\n`);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Compte administrateur créé pour premiere\.admin@ville\.fr/);
    expect(first.stdout + first.stderr).not.toContain(PASSWORD);
    const row = await user("premiere.admin@ville.fr");
    expect(row).toMatchObject({ role: "admin", totp_required: true });
    expect(row!.email_verified_at).toBeInstanceOf(Date);
    expect(await verifyPassword(row!.password_hash, PASSWORD)).toBe(true);

    const second = await run(["--email", "premiere.admin@ville.fr"], `${PASSWORD}\n`);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/Un compte existe déjà.*--promote/);

    const weak = await run(["--email", "autre@ville.fr"], "motdepasse\n");
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/au moins 12 caractères/);
    const empty = await run(["--email", "autre@ville.fr"], "");
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/Aucun mot de passe reçu/);
    expect(await user("autre@ville.fr")).toBeUndefined();
  });

  it("explains its usage and exits 2 without --email, 0 with --help", async () => {
    const result = await run([], "");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Indiquez l’adresse avec --email/);
    expect(result.stderr).toMatch(/Usage : npm run create-admin/);
    const help = await run(["--help"], "");
    expect(help).toMatchObject({ code: 0, stderr: "" });
    expect(help.stdout).toMatch(/Usage : npm run create-admin/);
  });
});

// One real process, for what only a process shows: the exit code, a password piped on its
// standard input, and the default database (PGlite in DATA_DIR, created and migrated on
// first use). Once, in the PGlite project: the PostgreSQL project would repeat the same run.
describe.skipIf(process.env.TEST_DB === "postgres")("npm run create-admin (child process, PGlite in a temporary DATA_DIR)", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-create-admin-"));
  });
  afterAll(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  function run(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      // a clean environment: nothing may point the script at another database
      const env = { PATH: process.env.PATH ?? "", HOME: os.tmpdir(), NODE_ENV: "test", DATA_DIR: dataDir };
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/create-admin.ts", ...args], { cwd: root, env, stdio: "pipe" });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(stdin);
    });
  }

  it("creates the admin from a piped password in DATA_DIR and exits 0", { timeout: 120_000 }, async () => {
    const first = await run(["--email", "premiere.admin@ville.fr"], `${PASSWORD}\nignored second line\n`);
    expect(first.stderr).not.toMatch(/Error|erreur/i);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Compte administrateur créé pour premiere\.admin@ville\.fr/);
    expect(first.stdout + first.stderr).not.toContain(PASSWORD);

    const client = await openPGlite(path.join(dataDir, "pglite"));
    const { db, close } = wrapPGlite(client);
    try {
      const rows = await db.selectFrom("users").select(["email", "role", "totp_required", "email_verified_at", "password_hash"]).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ email: "premiere.admin@ville.fr", role: "admin", totp_required: true });
      expect(rows[0]!.email_verified_at).toBeInstanceOf(Date);
      expect(await verifyPassword(rows[0]!.password_hash, PASSWORD)).toBe(true);
      const audit = await db.selectFrom("audit_events").select(["action", "target_label"]).execute();
      expect(audit).toEqual([{ action: "staff.create_admin", target_label: "premiere.admin@ville.fr" }]);
    } finally {
      await close();
    }
  });

  it("exits 2 on wrong arguments", { timeout: 60_000 }, async () => {
    const result = await run([], "");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Indiquez l’adresse avec --email/);
  });
});
