// The server's own scheduler: started once per server process from instrumentation.ts, so a shop
// that runs only `npm start` (no cron) still gets fresh analytics and its sweeps, scheduled grants
// and pruning. Cron (`npm run maintenance`, `npm run analytics:refresh`) can run as well: every step
// takes its try-lock and is idempotent. BACKGROUND_JOBS=false turns it off (the e2e and bench servers
// do, so nothing writes behind a test's back).
import { handle } from "@/db/client";
import { refreshRollups } from "@/lib/admin/analytics/refresh-rollups";
import { env } from "@/lib/env";
import { maintenanceSteps, type SweepBudget } from "./maintenance";
import { startRunner, type Job, type Runner } from "./runner";

export const ANALYTICS_EVERY_MS = 60_000;
export const MAINTENANCE_EVERY_MS = 10 * 60_000;

/**
 * A sweep's slice per run. PGlite has one connection and runs one transaction at a time, so every
 * batch keeps requests waiting: small batches, few of them. On Postgres a slice bounds how long one
 * run holds its lock; what is left is picked up ten minutes later.
 */
const BUDGET: Record<"pglite" | "postgres", SweepBudget> = {
  pglite: { batchSize: 100, maxBatches: 10 },
  postgres: { batchSize: 1000, maxBatches: 20 },
};

export function backgroundJobs(driver: "pglite" | "postgres"): Job[] {
  return [
    {
      name: "analytics",
      everyMs: ANALYTICS_EVERY_MS,
      firstAfterMs: 5_000,
      steps: [
        {
          name: "analytics-refresh",
          run: async () => {
            // With several instances each waking every minute, the one that finds a refresh younger than
            // this skips it: about one refresh a minute in all, not one per instance.
            const r = await refreshRollups({ wait: false, minIntervalMs: ANALYTICS_EVERY_MS - 10_000 });
            if (!r.ran) return "analytics: fresh enough or being refreshed";
            return r.days.length ? `analytics: refreshed ${r.days.length} day(s)` : "analytics: nothing written since the last refresh";
          },
        },
      ],
    },
    { name: "maintenance", everyMs: MAINTENANCE_EVERY_MS, firstAfterMs: 60_000, steps: maintenanceSteps(BUDGET[driver]) },
  ];
}

const g = globalThis as unknown as { __jifenJobs?: Runner };

/** Starts the runner unless BACKGROUND_JOBS=false; a second call (dev reloads) does nothing. */
export function startBackgroundJobs(): void {
  if (env.BACKGROUND_JOBS === "false" || g.__jifenJobs) return;
  const { driver } = handle();
  // The lock of a step holds one connection while the step works on another.
  if (driver === "postgres" && env.DB_POOL_MAX < 2) {
    console.warn("[jobs] background jobs are off: they need DB_POOL_MAX of 2 or more (run npm run maintenance from cron instead)");
    return;
  }
  // Only failures are logged: a line a minute for a refresh that went well is noise.
  g.__jifenJobs = startRunner(backgroundJobs(driver), { log: (line, level) => (level === "error" ? console.error(line) : undefined) });
  console.log(`[jobs] background jobs on: analytics every ${ANALYTICS_EVERY_MS / 1000} s, maintenance every ${MAINTENANCE_EVERY_MS / 60_000} min (BACKGROUND_JOBS=false turns them off)`);
}
