import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { sql } from "drizzle-orm";
import path from "node:path";
import { env } from "@/lib/env";
import { openPostgres, type DatabaseHandle } from "./client";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Any constant: a session-level advisory lock makes concurrent instances migrate one at a time.
const MIGRATION_LOCK = 727_401;

/** Applies pending migrations. On Postgres it uses its own one-connection pool so the lock holds. */
export async function runMigrations(h: DatabaseHandle, url?: string): Promise<void> {
  if (h.driver === "pglite") {
    // PGlite is single-connection and single-process: nothing else can migrate at the same time.
    await setMigrationSettings(h);
    await migratePglite(h.db as never, { migrationsFolder });
    return;
  }
  if (!url) throw new Error("runMigrations on Postgres needs the database URL");
  const one = openPostgres(url, 1);
  try {
    await one.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    await setMigrationSettings(one);
    await migratePostgres(one.db as never, { migrationsFolder });
    await one.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  } finally {
    await one.close();
  }
}

/** Settings a hand-written migration step reads (current_setting): the zone leaderboard totals are keyed in. */
async function setMigrationSettings(h: DatabaseHandle): Promise<void> {
  await h.db.execute(sql`select set_config('jifen.deployment_tz', ${env.DEPLOYMENT_TZ}, false)`);
}
