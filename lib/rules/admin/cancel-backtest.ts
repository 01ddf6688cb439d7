import { and, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { backtestRuns } from "@/db/schema";
import { now } from "@/lib/clock";
import { BACKTEST_STALE_MS } from "./start-backtest";

/**
 * Asks the admin's running backtest to stop; the runner stops after its current batch. A run whose
 * runner is gone (heartbeat too old) is marked cancelled at once.
 */
export async function cancelBacktest(runId: string, actor: { userId: string }, ex: Executor = db): Promise<boolean> {
  const [run] = await ex
    .update(backtestRuns)
    .set({ cancelRequested: true })
    .where(and(eq(backtestRuns.id, runId), eq(backtestRuns.createdBy, actor.userId), eq(backtestRuns.status, "running")))
    .returning();
  if (!run) return false;
  if (now().getTime() - run.updatedAt.getTime() > BACKTEST_STALE_MS) {
    await ex.update(backtestRuns).set({ status: "cancelled", finishedAt: now() }).where(eq(backtestRuns.id, runId));
  }
  return true;
}
