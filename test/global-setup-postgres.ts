// Runs once before the PostgreSQL test files: a migrated database on the TEST_DATABASE_URL
// server that each test file copies with CREATE DATABASE ... TEMPLATE (test/helpers.ts), a
// fifth of a second instead of creating and migrating one. Dropped at the end.
import crypto from "node:crypto";
import pg from "pg";
import { connectPostgres } from "../src/core/db/create-db.js";
import { migrateToLatest } from "../src/core/db/migrator.js";

async function run(url: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

export default async function setup({ provide }: { provide: (key: string, value: unknown) => void }) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("The postgres project needs TEST_DATABASE_URL");
  const name = `portail_template_${crypto.randomBytes(5).toString("hex")}`;
  await run(url, `create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  // Closed before any copy: PostgreSQL copies a template only while nobody is connected to it.
  const handle = connectPostgres(u.toString(), 1);
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
  provide("postgresTemplate", name);
  return async () => {
    await run(url, `drop database if exists ${name} with (force)`);
  };
}
