// npm run grants:run — runs every enabled scheduled grant that is due today (birthday gifts,
// monthly and one-off segment grants). npm run maintenance does the same on its hourly cron; this
// is for running them alone. Idempotent: a member is paid at most once per grant and period, by
// any number of runs or instances (lib/scheduled-grants/run-grants.ts).
import { closeDatabase, handle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { env } from "@/lib/env";
import { runDueGrants } from "@/lib/scheduled-grants/run-grants";

await runMigrations(handle(), env.DATABASE_URL);
const started = performance.now();
const results = await runDueGrants({ log: (s) => console.log(s) });
const seconds = (performance.now() - started) / 1000;
const granted = results.reduce((s, r) => s + r.granted, 0);
console.log(`scheduled grants: ${results.length} run(s), ${granted} member(s) paid in ${seconds.toFixed(2)}s`);
await closeDatabase();
