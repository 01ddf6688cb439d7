import postgres from "postgres";
import { randomBytes } from "node:crypto";
import { openPglite, openPostgres, setDatabase, type DatabaseHandle } from "../client";
import { runMigrations } from "../migrate";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a brand-new
 * database on the server in DATABASE_URL (dropped afterwards). It becomes the app's `db`.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const h = openPglite();
    await runMigrations(h);
    setDatabase(h);
    return h;
  }
  const name = `jifen_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const testUrl = withDatabase(url, name);
  const h = openPostgres(testUrl, 20);
  await runMigrations(h, testUrl);
  setDatabase(h);
  return {
    ...h,
    async close() {
      await h.close();
      const a = postgres(url, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export const onPostgres = () => Boolean(process.env.DATABASE_URL);
