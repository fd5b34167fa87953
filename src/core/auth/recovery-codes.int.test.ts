import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers.js";
import {
  consumeRecoveryCode,
  countUnusedRecoveryCodes,
  deleteRecoveryCodes,
  generateRecoveryCodes,
  hashRecoveryCode,
  normaliseRecoveryCode,
  replaceRecoveryCodes,
} from "./recovery-codes.js";

let t: TestDatabase;
let n = 0;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});

async function staffUser(): Promise<number> {
  const row = await t.db
    .insertInto("users")
    .values({ email: `agent${++n}@ville.fr`, password_hash: "not-a-real-hash", role: "editor" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

describe("recovery code format", () => {
  it("generates ten distinct human-friendly codes", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
  });

  it("normalises case, spaces, dashes and full-width characters", () => {
    expect(normaliseRecoveryCode("k7mq-4xhz-p2wd")).toBe("k7mq4xhzp2wd");
    expect(normaliseRecoveryCode("  K7MQ 4XHZ P2WD ")).toBe("k7mq4xhzp2wd");
    expect(normaliseRecoveryCode("k7mq4xhzp2wd")).toBe("k7mq4xhzp2wd");
    expect(normaliseRecoveryCode("ｋ７ｍｑ－４ｘｈｚ－ｐ２ｗｄ")).toBe("k7mq4xhzp2wd");
  });

  it("rejects what cannot be a code", () => {
    for (const bad of ["", "k7mq-4xhz", "k7mq-4xhz-p2wd-aaaa", "k7mq-4xhz-p2w0", "l7mq-4xhz-p2wd", "k7mq-4xhz-p2w'"]) {
      expect(normaliseRecoveryCode(bad)).toBeNull();
    }
  });

  it("binds the hash to the user", () => {
    expect(hashRecoveryCode(1, "k7mq-4xhz-p2wd")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(1, "K7MQ 4XHZ P2WD")).toBe(hashRecoveryCode(1, "k7mq-4xhz-p2wd"));
    expect(hashRecoveryCode(2, "k7mq-4xhz-p2wd")).not.toBe(hashRecoveryCode(1, "k7mq-4xhz-p2wd"));
  });
});

describe("recovery codes in the database", () => {
  it("stores only hashes", async () => {
    const userId = await staffUser();
    const codes = await replaceRecoveryCodes(t.db, userId);
    const rows = await t.db.selectFrom("recovery_codes").select(["code_hash", "used_at"]).where("user_id", "=", userId).execute();
    expect(rows).toHaveLength(10);
    const stored = rows.map((r) => r.code_hash).join(" ");
    for (const code of codes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(normaliseRecoveryCode(code));
    }
    expect(rows.every((r) => r.used_at === null)).toBe(true);
  });

  it("accepts each code once, however it is typed", async () => {
    const userId = await staffUser();
    const [first, second] = await replaceRecoveryCodes(t.db, userId);
    expect(await consumeRecoveryCode(t.db, userId, first!.toUpperCase().replace(/-/g, " "))).toBe(true);
    expect(await consumeRecoveryCode(t.db, userId, first!)).toBe(false);
    expect(await countUnusedRecoveryCodes(t.db, userId)).toBe(9);
    expect(await consumeRecoveryCode(t.db, userId, second!)).toBe(true);
    expect(await countUnusedRecoveryCodes(t.db, userId)).toBe(8);
  });

  it("refuses wrong codes, malformed input and another user's codes", async () => {
    const alice = await staffUser();
    const bob = await staffUser();
    const [aliceCode] = await replaceRecoveryCodes(t.db, alice);
    await replaceRecoveryCodes(t.db, bob);
    expect(await consumeRecoveryCode(t.db, bob, aliceCode!)).toBe(false);
    expect(await consumeRecoveryCode(t.db, alice, "aaaa-bbbb-cccc")).toBe(false);
    expect(await consumeRecoveryCode(t.db, alice, "' or 1=1 --")).toBe(false);
    expect(await consumeRecoveryCode(t.db, alice, "")).toBe(false);
    expect(await countUnusedRecoveryCodes(t.db, alice)).toBe(10);
    expect(await countUnusedRecoveryCodes(t.db, bob)).toBe(10);
  });

  it("lets exactly one of 20 parallel attempts with the same code through", async () => {
    const userId = await staffUser();
    const [code] = await replaceRecoveryCodes(t.db, userId);
    const results = await Promise.all(Array.from({ length: 20 }, () => consumeRecoveryCode(t.db, userId, code!)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await countUnusedRecoveryCodes(t.db, userId)).toBe(9);
  });

  it("invalidates the previous set when new codes are generated", async () => {
    const userId = await staffUser();
    const old = await replaceRecoveryCodes(t.db, userId);
    const fresh = await replaceRecoveryCodes(t.db, userId);
    expect(await countUnusedRecoveryCodes(t.db, userId)).toBe(10);
    expect(await consumeRecoveryCode(t.db, userId, old[0]!)).toBe(false);
    expect(await consumeRecoveryCode(t.db, userId, fresh[0]!)).toBe(true);
  });

  it("joins the caller's transaction, and rolls back with it", async () => {
    const userId = await staffUser();
    const before = await replaceRecoveryCodes(t.db, userId);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await replaceRecoveryCodes(trx, userId);
        throw new Error("the rest of the change failed");
      }),
    ).rejects.toThrow(/failed/);
    expect(await consumeRecoveryCode(t.db, userId, before[0]!)).toBe(true);
  });

  it("removes all codes when the second factor is switched off", async () => {
    const userId = await staffUser();
    await replaceRecoveryCodes(t.db, userId);
    await deleteRecoveryCodes(t.db, userId);
    expect(await countUnusedRecoveryCodes(t.db, userId)).toBe(0);
  });
});
