// Unsubscribe links (RFC 8058): `<user id>.<signature>`, the signature an HMAC-SHA256 of the
// purpose and the user id under a secret key kept in the database (digest_keys, made at first
// use). It needs no sign-in, names one account only, and cannot be made for another without
// the key; it is compared in constant time.
import crypto from "node:crypto";
import type { DB } from "../../core/db/create-db.js";
import { safeEqual } from "../../core/auth/tokens.js";
import { insertSecretIfMissing, readSecret } from "./queries.js";

const PURPOSE = "digests.unsubscribe";

// One key per database: cached per DB handle, so nothing outlives the app that made it.
const keys = new WeakMap<object, Promise<string>>();

export function signingKey(db: DB): Promise<string> {
  let key = keys.get(db);
  if (!key) {
    key = (async () => {
      await insertSecretIfMissing(db, crypto.randomBytes(32).toString("base64url"));
      return readSecret(db);
    })();
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}

function sign(secret: string, userId: number): string {
  return crypto.createHmac("sha256", secret).update(`${PURPOSE}:${userId}`).digest("base64url");
}

export async function unsubscribeToken(db: DB, userId: number): Promise<string> {
  return `${userId}.${sign(await signingKey(db), userId)}`;
}

/** The user id the token was made for, or null when it is malformed or its signature is wrong. */
export async function verifyUnsubscribeToken(db: DB, token: string): Promise<number | null> {
  const m = /^([1-9][0-9]{0,9})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const userId = Number(m[1]);
  if (!Number.isSafeInteger(userId) || userId > 2_147_483_647) return null;
  return safeEqual(m[2]!, sign(await signingKey(db), userId)) ? userId : null;
}
