// The housekeeping steps, in order: `npm run maintenance` (cron) runs them once, the in-process
// runner (lib/jobs/background.ts) every few minutes. Each step is idempotent and safe on several
// instances at once; each runs under its own try-lock (lib/jobs/runner.ts), so two instances do not
// both sweep at the same moment.
import { pruneIdempotencyKeys } from "@/lib/api/idempotency";
import { sweepReleases } from "@/lib/distribution/sweep-releases";
import { expireTierOverrides } from "@/lib/members/tier-override";
import { sweepExpired } from "@/lib/points/sweep-expired";
import { pruneRateLimits } from "@/lib/rate-limit";
import { runDueGrants } from "@/lib/scheduled-grants/run-grants";
import type { Step } from "./runner";

/** How much a sweep may do in one run: everything (cron) or a bounded slice (the in-process runner). */
export interface SweepBudget {
  batchSize: number;
  maxBatches: number;
}

/** The cron's budget: clear the whole backlog. */
export const WHOLE_BACKLOG: SweepBudget = { batchSize: 1000, maxBatches: Infinity };

export function maintenanceSteps(budget: SweepBudget): Step[] {
  return [
    {
      name: "expire-points",
      run: async () => {
        const s = await sweepExpired(budget);
        return `expired ${s.lots} lots (${s.points} points)`;
      },
    },
    {
      name: "release-commissions",
      run: async () => {
        const r = await sweepReleases(budget);
        return `released commissions in ${r.wallets} wallets (${r.cents} cents)`;
      },
    },
    {
      name: "scheduled-grants",
      run: async () => {
        const lines: string[] = [];
        const runs = await runDueGrants({ log: (line) => lines.push(line) });
        return [`scheduled grants run: ${runs.length} (${runs.reduce((s, r) => s + r.granted, 0)} members paid)`, ...lines].join("\n");
      },
    },
    { name: "tier-overrides", run: async () => `tier overrides ended: ${await expireTierOverrides()}` },
    { name: "prune-idempotency-keys", run: async () => `idempotency keys pruned: ${await pruneIdempotencyKeys()}` },
    {
      name: "prune-rate-limits",
      run: async () => {
        await pruneRateLimits();
        return "rate-limit windows pruned";
      },
    },
  ];
}
