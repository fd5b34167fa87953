// npm run create-admin -- --email prenom.nom@ville.fr [--promote]
// Creates an administrator account: there is no default account anywhere (ASVS 4.0.3
// 2.5.4 / 5.0 6.3.2), so this command is how the first one comes to exist. The password
// is the first line of standard input when piped (`printf '%s\n' "$PW" | npm run ...`),
// otherwise it is asked twice on the terminal without echo. It is never an argument: those
// end up in shell history and in `ps`.
// --promote turns an existing account into an administrator instead of refusing.
import readline from "node:readline";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import { loadConfig } from "../src/config.js";
import { recordEvent } from "../src/core/audit.js";
import { dropPreviousCredential } from "../src/core/auth/credentials.js";
import { hashPassword, passwordProblem } from "../src/core/auth/passwords.js";
import type { DatabaseHandle, DB } from "../src/core/db/create-db.js";
import { openMigratedDatabase } from "../src/core/db/open.js";
import type { Role } from "../src/core/db/schema.js";
import { ConflictError, ValidationError } from "../src/core/errors.js";
import { emailProblem, normaliseEmail } from "../src/modules/accounts/index.js";

export interface CreateAdminInput {
  email: string;
  password: string;
  promote: boolean;
  now?: Date;
}

export interface CreateAdminResult {
  userId: number;
  email: string;
  /** The role the account had before, when an existing account was promoted. */
  previousRole: Role | null;
}

const SCRIPT_ACTOR = { id: null, label: "npm run create-admin" };

/**
 * Creates the account (role admin, address taken as verified, second factor required at
 * first sign-in), or promotes an existing one when `promote` is set, and records the
 * event, all in one transaction. Throws ValidationError (French messages per field) or
 * ConflictError.
 */
export async function createAdmin(db: DB, input: CreateAdminInput): Promise<CreateAdminResult> {
  const email = normaliseEmail(input.email);
  const now = input.now ?? new Date();
  const errors: Record<string, string> = {};
  const emailError = emailProblem(email);
  if (emailError) errors.email = emailError;
  const site = await db.selectFrom("site_settings").select("site_name").executeTakeFirst();
  const siteName = site?.site_name ?? "";
  const context = [siteName, ...siteName.split(/[\s’'-]+/), email.split("@")[0] ?? ""];
  const passwordError = passwordProblem(input.password, context);
  if (passwordError) errors.password = passwordError;
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);

  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom("users")
        .select(["id", "email", "role"])
        .where(sql<string>`lower(email)`, "=", email)
        .forUpdate()
        .executeTakeFirst();
      if (existing && !input.promote) {
        throw new ConflictError(`Un compte existe déjà pour ${email}. Relancez avec --promote pour en faire un compte administrateur.`);
      }
      let userId: number;
      if (existing) {
        // The password is replaced too: whoever set the old one (possibly someone who
        // registered this address before its owner did) loses access, and every open
        // session ends, since the account's privileges change (ASVS 4.0.3 3.2.1).
        await trx
          .updateTable("users")
          .set({
            role: "admin",
            password_hash: passwordHash,
            password_changed_at: now,
            email_verified_at: sql<Date>`coalesce(email_verified_at, ${now})`,
            totp_required: true,
            updated_at: now,
          })
          .where("id", "=", existing.id)
          .execute();
        // Like an accepted invitation: a second factor, recovery codes, sessions and links set
        // up by whoever held the old password go, and an open invitation has nothing left to give.
        await dropPreviousCredential(trx, existing.id, now);
        await trx
          .updateTable("staff_invitations")
          .set({ revoked_at: now })
          .where("user_id", "=", existing.id)
          .where("accepted_at", "is", null)
          .where("revoked_at", "is", null)
          .execute();
        userId = existing.id;
      } else {
        const row = await trx
          .insertInto("users")
          .values({
            email,
            password_hash: passwordHash,
            role: "admin",
            // the person running this command on the server vouches for the address
            email_verified_at: now,
            totp_required: true,
            created_at: now,
            updated_at: now,
            password_changed_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        userId = row.id;
      }
      await recordEvent(trx, {
        actor: SCRIPT_ACTOR,
        action: "staff.create_admin",
        target: { type: "user", id: userId, label: email },
        details: existing ? { promoted: true, previous_role: existing.role } : { promoted: false },
        at: now,
      });
      return { userId, email, previousRole: existing?.role ?? null };
    });
  } catch (error) {
    // two runs racing for the same address: the unique index decides, say it plainly
    if ((error as { code?: unknown }).code === "23505") throw new ConflictError(`Un compte existe déjà pour ${email}.`);
    throw error;
  }
}

// ---- command line

const USAGE = [
  "Usage : npm run create-admin -- --email prenom.nom@ville.fr [--promote]",
  "  Le mot de passe est lu sur la première ligne de l’entrée standard, ou demandé sans écho.",
  "  --promote  donne le rôle administrateur à un compte existant (son mot de passe est remplacé).",
].join("\n");

export function parseCreateAdminArgs(argv: string[]): { email: string; promote: boolean; help: boolean; errors: string[] } {
  let email = "";
  let promote = false;
  let help = false;
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--promote") promote = true;
    else if (arg === "--help" || arg === "-h") help = true;
    else if (arg.startsWith("--email=")) email = arg.slice("--email=".length);
    else if (arg === "--email") {
      const value = argv[++i];
      if (value === undefined || value.startsWith("--")) errors.push("--email attend une adresse.");
      else email = value;
    } else errors.push(`Option inconnue : ${arg}`);
  }
  if (!help && !email && errors.length === 0) errors.push("Indiquez l’adresse avec --email.");
  return { email, promote, help, errors };
}

/** What the command reads and writes: the real process, or a test's streams (see main). */
export interface CreateAdminIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  /** Opens the database; by default the one `env` configures, migrated (what `npm run` does). */
  openDatabase?: () => Promise<DatabaseHandle>;
}

/** First line of a piped standard input (without its line ending), or null when empty. */
async function readFirstLine(input: NodeJS.ReadableStream): Promise<string | null> {
  const rl = readline.createInterface({ input, crlfDelay: Infinity, terminal: false });
  try {
    for await (const line of rl) return line;
    return null;
  } finally {
    rl.close();
  }
}

/** Asks on the terminal without echoing what is typed (prompts go to stderr). */
function askHidden(io: CreateAdminIo, question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, callback) {
      if (!muted) io.stderr.write(String(chunk));
      callback();
    },
  });
  const rl = readline.createInterface({ input: io.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.on("SIGINT", () => {
      rl.close();
      io.stderr.write("\nAbandon.\n");
      process.exit(130);
    });
    rl.question(question, (answer) => {
      rl.close();
      io.stderr.write("\n");
      resolve(answer);
    });
    // the prompt is written synchronously by question(); from here on, keystrokes are not
    muted = true;
  });
}

async function readPassword(io: CreateAdminIo): Promise<string> {
  if (!io.stdin.isTTY) {
    const line = await readFirstLine(io.stdin);
    if (line === null || line === "") throw new ValidationError({ password: "Aucun mot de passe reçu sur l’entrée standard." });
    return line;
  }
  const first = await askHidden(io, "Mot de passe (12 caractères au moins) : ");
  const second = await askHidden(io, "Confirmez le mot de passe : ");
  if (first !== second) throw new ValidationError({ password: "Les deux saisies ne correspondent pas." });
  return first;
}

/**
 * The whole command, as `npm run create-admin` runs it, returning the exit code: 0 done,
 * 1 refused (weak password, existing account, database error), 2 wrong arguments. Tests call
 * it in-process with their own streams and database.
 */
export async function main(argv: string[], io: CreateAdminIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof ValidationError) io.stderr.write(`${Object.values(error.fields).join("\n")}\n`);
    else io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function run(argv: string[], io: CreateAdminIo): Promise<number> {
  const args = parseCreateAdminArgs(argv);
  if (args.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.errors.length > 0) {
    io.stderr.write(`${args.errors.join("\n")}\n${USAGE}\n`);
    return 2;
  }
  const emailError = emailProblem(normaliseEmail(args.email));
  if (emailError) {
    io.stderr.write(`${emailError}\n`);
    return 1;
  }
  const password = await readPassword(io);
  // Checked again by createAdmin with the site's name; this first pass answers before
  // the database is opened (seconds on a fresh PGlite directory).
  const passwordError = passwordProblem(password, [normaliseEmail(args.email).split("@")[0] ?? ""]);
  if (passwordError) {
    io.stderr.write(`${passwordError}\n`);
    return 1;
  }
  const handle = await (io.openDatabase ?? (() => openMigratedDatabase(loadConfig(io.env), (m) => io.stderr.write(`${m}\n`))))();
  try {
    const result = await createAdmin(handle.db, { email: args.email, password, promote: args.promote });
    const what = result.previousRole
      ? `Le compte ${result.email} (${result.previousRole}) est maintenant administrateur`
      : `Compte administrateur créé pour ${result.email}`;
    io.stdout.write(`${what} (n° ${result.userId}).\nÀ la première connexion, il faudra configurer la double authentification (application TOTP).\n`);
    return 0;
  } finally {
    await handle.close();
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && pathToFileURL(entry).href === import.meta.url;
}

if (isMain()) {
  main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }).then((code) => {
    process.exitCode = code;
  });
}
