// Starting a backtest: the draft (as it is now) is validated and snapshotted into a run row with the
// window and the number of orders in it; runBacktest does the work.
import { and, count, eq, gte, lt } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { backtestRuns, orders, type BacktestRun } from "@/db/schema";
import { DAY_MS, now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { ruleKindOf } from "../schema";
import { validateRule } from "./validate-rule";

export const MAX_BACKTEST_DAYS = 365;
/** A running run whose heartbeat is older than this was interrupted (its instance stopped). */
export const BACKTEST_STALE_MS = 2 * 60_000;

export async function startBacktest(input: { ruleKey: string; definition: unknown; days: number }, actor: { userId: string }, ex: Executor = db): Promise<BacktestRun> {
  const days = z.int().min(1).max(MAX_BACKTEST_DAYS).safeParse(input.days);
  if (!days.success) throw new DomainError("invalid-request", "days must be 1–365", { errors: [{ path: "days", message: `1 to ${MAX_BACKTEST_DAYS}` }] });
  if (ruleKindOf(input.ruleKey) === "action") {
    throw new DomainError("invalid-request", "action rules give points for events, not orders: there is nothing to backtest", { errors: [{ path: "ruleKey", message: "not an order rule" }] });
  }
  const at = now();
  const check = await validateRule(input.ruleKey, input.definition, { at, ex });
  if (!check.ok) throw new DomainError("invalid-request", "the draft has problems", { errors: check.issues.map(({ path, message }) => ({ path, message })) });
  // One run at a time per admin: a backtest reads every order in the window.
  const [running] = await ex
    .select({ id: backtestRuns.id, updatedAt: backtestRuns.updatedAt })
    .from(backtestRuns)
    .where(and(eq(backtestRuns.createdBy, actor.userId), eq(backtestRuns.status, "running")));
  if (running && at.getTime() - running.updatedAt.getTime() < BACKTEST_STALE_MS) throw new DomainError("conflict", "a backtest of yours is still running", { params: { runId: running.id } });
  const fromAt = new Date(at.getTime() - days.data * DAY_MS);
  const [{ n }] = (await ex.select({ n: count() }).from(orders).where(and(gte(orders.placedAt, fromAt), lt(orders.placedAt, at)))) as [{ n: number }];
  const [run] = await ex
    .insert(backtestRuns)
    .values({
      id: newId(),
      ruleKey: input.ruleKey,
      definition: check.definition as unknown as Record<string, unknown>,
      days: days.data,
      fromAt,
      toAt: at,
      status: "running",
      total: Number(n),
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  return run!;
}
