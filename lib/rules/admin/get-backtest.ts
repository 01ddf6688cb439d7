import { and, desc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { backtestRuns } from "@/db/schema";
import { now } from "@/lib/clock";
import type { BacktestResults, BacktestTotals } from "./run-backtest";
import { BACKTEST_STALE_MS } from "./start-backtest";

export interface BacktestView {
  id: string;
  ruleKey: string;
  days: number;
  fromAt: string;
  toAt: string;
  /** "interrupted": still marked running, but its runner stopped sending a heartbeat. */
  status: "running" | "done" | "cancelled" | "failed" | "interrupted";
  cancelRequested: boolean;
  total: number;
  processed: number;
  /** Totals so far while running; everything (with members and liability) when done. */
  results: (BacktestTotals & Partial<BacktestResults>) | null;
  error: string | null;
}

function view(r: typeof backtestRuns.$inferSelect): BacktestView {
  const stale = r.status === "running" && now().getTime() - r.updatedAt.getTime() > BACKTEST_STALE_MS;
  return {
    id: r.id,
    ruleKey: r.ruleKey,
    days: r.days,
    fromAt: r.fromAt.toISOString(),
    toAt: r.toAt.toISOString(),
    status: stale ? "interrupted" : (r.status as BacktestView["status"]),
    cancelRequested: r.cancelRequested,
    total: r.total,
    processed: r.processed,
    results: (r.results as BacktestView["results"]) ?? null,
    error: r.error,
  };
}

/** One of the admin's runs (an admin sees only their own). */
export async function getBacktest(runId: string, actor: { userId: string }, ex: Executor = db): Promise<BacktestView | null> {
  const [r] = await ex.select().from(backtestRuns).where(and(eq(backtestRuns.id, runId), eq(backtestRuns.createdBy, actor.userId)));
  return r ? view(r) : null;
}

/** The admin's latest run for a rule key, so a reload shows it again. */
export async function latestBacktest(ruleKey: string, actor: { userId: string }, ex: Executor = db): Promise<BacktestView | null> {
  const [r] = await ex
    .select()
    .from(backtestRuns)
    .where(and(eq(backtestRuns.createdBy, actor.userId), eq(backtestRuns.ruleKey, ruleKey)))
    .orderBy(desc(backtestRuns.createdAt))
    .limit(1);
  return r ? view(r) : null;
}
