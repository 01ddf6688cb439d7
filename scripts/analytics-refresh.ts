// npm run analytics:refresh [-- --full] — rewrites the analytics rollup days touched since the last
// refresh (every day with --full). Safe to run from cron on every instance: runs queue on an
// advisory lock, and a re-run changes nothing.
import { closeDatabase, handle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { env } from "@/lib/env";
import { refreshRollups } from "@/lib/admin/analytics/refresh-rollups";

await runMigrations(handle(), env.DATABASE_URL);
const started = performance.now();
const result = await refreshRollups({ full: process.argv.includes("--full") });
const seconds = (performance.now() - started) / 1000;
const span = result.days.length ? ` (${result.days[0]} … ${result.days.at(-1)})` : "";
console.log(`analytics: refreshed ${result.days.length} day(s)${span} in ${seconds.toFixed(2)}s; next cursor ${result.cursor}`);
await closeDatabase();
