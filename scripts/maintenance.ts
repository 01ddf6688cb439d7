// npm run maintenance — the housekeeping a deployment can run from cron (e.g. hourly) besides the
// server's own background jobs (lib/jobs/background.ts): writes the `expire` entries for lapsed
// points and the pending → available flip of freed-up commissions, runs the scheduled grants due
// today (birthday gifts; each pays a member at most once per period), ends expired tier overrides,
// and drops idempotency keys and rate-limit windows past their retention. The steps are the
// server's (lib/jobs/maintenance.ts), each idempotent and under its try-lock: one that another
// instance is running is skipped. Exits 1 if a step failed.
import { closeDatabase, handle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { env } from "@/lib/env";
import { maintenanceSteps, WHOLE_BACKLOG } from "@/lib/jobs/maintenance";
import { runSteps } from "@/lib/jobs/runner";

await runMigrations(handle(), env.DATABASE_URL);
const outcomes = await runSteps(maintenanceSteps(WHOLE_BACKLOG));
await closeDatabase();
if (Object.values(outcomes).includes("failed")) process.exit(1);
