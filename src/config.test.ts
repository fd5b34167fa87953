import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("has working defaults for development", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ nodeEnv: "development", port: 3000, host: "127.0.0.1", databaseUrl: null, publicUrl: "http://localhost:3000" });
    expect(c.dataDir.endsWith("/data")).toBe(true);
  });
  it("reads every variable", () => {
    const c = loadConfig({
      PORT: "8080",
      HOST: "0.0.0.0",
      DATA_DIR: "/tmp/x",
      DATABASE_URL: "postgres://u@h/db",
      PUBLIC_URL: "https://www.ville.fr/",
      NODE_ENV: "production",
      SMTP_URL: "smtp://u:p@mail.ville.fr:587",
    });
    expect(c).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      dataDir: "/tmp/x",
      databaseUrl: "postgres://u@h/db",
      publicUrl: "https://www.ville.fr",
      nodeEnv: "production",
    });
  });
  it("names every bad variable at once", () => {
    try {
      loadConfig({ PORT: "abc", DATABASE_URL: "mysql://x", PUBLIC_URL: "ftp://x", NODE_ENV: "staging" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const text = (e as ConfigError).message;
      for (const name of ["PORT", "DATABASE_URL", "PUBLIC_URL", "NODE_ENV"]) expect(text).toContain(name);
    }
  });
  it("requires PUBLIC_URL and SMTP_URL in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ NODE_ENV: "production", PUBLIC_URL: "https://www.ville.fr" })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: "http://x" })).toThrow(/SMTP_URL/);
  });
  it("seeds the demo on an empty database by default, except in production", () => {
    const prod = { NODE_ENV: "production", PUBLIC_URL: "https://www.ville.fr", SMTP_URL: "smtp://u:p@mail.ville.fr:587" };
    expect(loadConfig({}).seedOnEmpty).toBe(true);
    expect(loadConfig({ NODE_ENV: "test" }).seedOnEmpty).toBe(true);
    expect(loadConfig(prod).seedOnEmpty).toBe(false);
    expect(loadConfig({ ...prod, SEED_ON_EMPTY: "" }).seedOnEmpty).toBe(false);
    expect(loadConfig({ ...prod, SEED_ON_EMPTY: "true" }).seedOnEmpty).toBe(true);
    expect(loadConfig({ SEED_ON_EMPTY: "false" }).seedOnEmpty).toBe(false);
    expect(() => loadConfig({ SEED_ON_EMPTY: "peut-être" })).toThrow(/SEED_ON_EMPTY/);
  });
  it("reads TRUST_PROXY as false, a hop count or proxy addresses, and refuses true", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    for (const off of ["", "false", "0", "no"]) expect(loadConfig({ TRUST_PROXY: off }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.5" }).trustProxy).toEqual(["10.0.0.5"]);
    expect(loadConfig({ TRUST_PROXY: " 10.0.0.0/8, loopback ,fd00::/8,::1" }).trustProxy).toEqual(["10.0.0.0/8", "loopback", "fd00::/8", "::1"]);
    for (const bad of ["true", "TRUE", "yes"]) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY=true would trust any X-Forwarded-For.*number of proxies.*addresses/);
    }
    for (const bad of ["10.0.0.0/33", "proxy.ville.fr", "10.0.0.5,", "1.2.3", "::1/129", "10.0.0.0/8/1", "-1", "99"]) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });
});

describe("WEB_CONCURRENCY and METRICS_TOKEN", () => {
  it("runs one process by default and several only on a PostgreSQL server", () => {
    expect(loadConfig({}).webConcurrency).toBe(1);
    expect(loadConfig({ WEB_CONCURRENCY: "4", DATABASE_URL: "postgres://u@db/portail" }).webConcurrency).toBe(4);
    expect(() => loadConfig({ WEB_CONCURRENCY: "2" })).toThrow(/WEB_CONCURRENCY above 1 needs DATABASE_URL/);
    for (const bad of ["0", "-1", "1.5", "deux", "65"])
      expect(() => loadConfig({ WEB_CONCURRENCY: bad, DATABASE_URL: "postgres://u@db/p" })).toThrow(/WEB_CONCURRENCY must be/);
  });
  it("wants a metrics token long enough to resist guessing", () => {
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(loadConfig({ METRICS_TOKEN: "x".repeat(24) }).metricsToken).toBe("x".repeat(24));
    expect(() => loadConfig({ METRICS_TOKEN: "court" })).toThrow(/METRICS_TOKEN must be at least 24/);
  });
});

describe("JOBS_IN_PROCESS", () => {
  it("runs the background work in the server by default; off only with a PostgreSQL server (npm run worker)", () => {
    expect(loadConfig({}).jobsInProcess).toBe(true);
    expect(loadConfig({ JOBS_IN_PROCESS: "false", DATABASE_URL: "postgres://u@db/portail" }).jobsInProcess).toBe(false);
    expect(() => loadConfig({ JOBS_IN_PROCESS: "false" })).toThrow(/JOBS_IN_PROCESS=false needs DATABASE_URL/);
    expect(() => loadConfig({ JOBS_IN_PROCESS: "peut-être" })).toThrow(/JOBS_IN_PROCESS/);
  });
});

describe("JOBS_POLL_MS", () => {
  it("looks for due jobs every 15 s by default; takes 100 ms to 10 min", () => {
    expect(loadConfig({}).jobsPollMs).toBe(15_000);
    expect(loadConfig({ JOBS_POLL_MS: "1000" }).jobsPollMs).toBe(1000);
    for (const bad of ["50", "1.5", "souvent", "700000"]) expect(() => loadConfig({ JOBS_POLL_MS: bad }), bad).toThrow(/JOBS_POLL_MS must be an integer/);
  });
});

describe("PAGE_CACHE_ENTRIES", () => {
  it("holds 1000 pages by default; 0 stores none; refuses what is not an integer in 0..100000", () => {
    expect(loadConfig({}).pageCacheEntries).toBe(1000);
    expect(loadConfig({ PAGE_CACHE_ENTRIES: "0" }).pageCacheEntries).toBe(0);
    for (const bad of ["-1", "1.5", "beaucoup", "100001"])
      expect(() => loadConfig({ PAGE_CACHE_ENTRIES: bad }), bad).toThrow(/PAGE_CACHE_ENTRIES must be an integer/);
  });
});
