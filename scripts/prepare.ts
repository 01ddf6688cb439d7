import { openFromEnv } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seed, type SeedSummary } from "@/db/seed";
import { env } from "@/lib/env";

/** Migrate and seed in this process, then close: PGlite's folder is then free for the server. */
export async function prepareDatabase(log: (s: string) => void = console.log): Promise<SeedSummary> {
  const h = openFromEnv();
  try {
    await runMigrations(h, env.DATABASE_URL);
    const { setDatabase } = await import("@/db/client");
    setDatabase(h);
    return await seed({ log });
  } finally {
    const { closeDatabase } = await import("@/db/client");
    await closeDatabase();
  }
}
