// npm run db:migrate — applies db/migrations to DATABASE_URL, or to the embedded PGlite folder.
import { openFromEnv } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { env } from "@/lib/env";

const h = openFromEnv();
await runMigrations(h, env.DATABASE_URL);
await h.close();
console.log(`migrations applied (${h.driver})`);
