// The pool never lets a caller wait on a dead or frozen database for longer than its
// timeouts, reports such failures as an outage (503, not 500), and heals by itself.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "../../../test/tcp-proxy.js";
import { connectPostgres, type DatabaseHandle } from "./create-db.js";
import { isDatabaseUnavailable } from "./unavailable.js";

const url = process.env.TEST_DATABASE_URL;
const onServer = process.env.TEST_DB === "postgres" && url !== undefined;

describe.skipIf(!onServer)("PostgreSQL pool through a proxy that fails", () => {
  let proxy: TcpProxy;
  let handle: DatabaseHandle;
  beforeAll(async () => {
    const u = new URL(url!);
    proxy = await startTcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
    handle = connectPostgres(proxy.url(url!), 3, { connectMs: 1000, statementMs: 1000 });
  });
  afterAll(async () => {
    await handle?.close();
    await proxy?.close();
  });

  const ping = async () => (await sql<{ one: number }>`select 1 as one`.execute(handle.db)).rows[0]?.one;
  const failure = async () => {
    const started = Date.now();
    const error = await ping().then(
      () => null,
      (e: unknown) => e,
    );
    return { error, ms: Date.now() - started };
  };
  async function healsWithin(ms: number) {
    const deadline = Date.now() + ms;
    for (;;) {
      try {
        if ((await ping()) === 1) return Date.now() - (deadline - ms);
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it("a frozen server: queries fail after the client-side timeout, as an outage, and work again once it thaws", async () => {
    expect(await ping()).toBe(1);
    proxy.freeze();
    const { error, ms } = await failure();
    expect(error).toBeTruthy();
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(ms).toBeLessThan(10_000); // far below the 73 s hang measured without timeouts
    proxy.restore();
    await healsWithin(5000);
  });

  it("a cut connection: queries fail fast as an outage, then the pool reconnects by itself", async () => {
    expect(await ping()).toBe(1);
    proxy.cut();
    const { error } = await failure();
    expect(isDatabaseUnavailable(error)).toBe(true);
    proxy.restore();
    await healsWithin(5000);
  });
});
