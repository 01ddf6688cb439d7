// Running a backtest: the orders of the window in keyset batches (placed_at, id), each re-evaluated
// twice — with the versions in force at its placedAt, and with the draft substituted — through the
// evaluator ingestion uses. Totals are written after every batch (progress any instance can show)
// and the cancel flag is read in the same statement. "before" is also checked against what ingestion
// actually awarded: a difference (mismatches) says how far the replay can be trusted.
import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { backtestRuns, commissions, distributors, members, orderLines, orders, pointEntries, ruleVersions, users, type BacktestRun } from "@/db/schema";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { parseRule } from "../ruleset";
import { ruleKindOf } from "../schema";
import { affectsCommissions, pointsValueCents, replayOrder, RulesetTimeline, UsageSimulator, type BacktestOrder } from "./backtest-math";

export const BACKTEST_BATCH = 2000;

export interface BacktestTotals {
  orders: number;
  /** Points ingestion awarded on these orders. */
  issued: number;
  /** Re-evaluated with the versions in force at each order. */
  before: number;
  /** Re-evaluated with the draft substituted. */
  after: number;
  /** Orders whose points change with the draft. */
  changedOrders: number;
  /** Orders where the replay with the versions in force differs from what was awarded. */
  mismatches: number;
  /** Orders that could not be evaluated (corrupt data), left out of every total. */
  skipped: number;
  commission: { paid: number; before: number; after: number };
}

export interface BacktestResults extends BacktestTotals {
  liability: { pointsPerCurrencyUnitBefore: number; pointsPerCurrencyUnitAfter: number; beforeCents: number; afterCents: number; deltaCents: number };
  membersAffected: number;
  /** The members whose points change most (by absolute difference), most first. */
  members: { memberId: string; email: string | null; before: number; after: number; delta: number }[];
}

const emptyTotals = (): BacktestTotals => ({ orders: 0, issued: 0, before: 0, after: 0, changedOrders: 0, mismatches: 0, skipped: 0, commission: { paid: 0, before: 0, after: 0 } });

export async function runBacktest(runId: string, { ex = db, batchSize = BACKTEST_BATCH }: { ex?: Executor; batchSize?: number } = {}): Promise<BacktestRun> {
  const [run] = await ex.select().from(backtestRuns).where(eq(backtestRuns.id, runId));
  if (!run) throw new Error(`no backtest run ${runId}`);
  if (run.status !== "running") return run;
  try {
    return await replay(ex, run, batchSize);
  } catch (e) {
    const [failed] = await ex
      .update(backtestRuns)
      .set({ status: "failed", error: e instanceof Error ? e.message.slice(0, 500) : String(e), updatedAt: now(), finishedAt: now() })
      .where(eq(backtestRuns.id, runId))
      .returning();
    return failed!;
  }
}

async function replay(ex: Executor, run: BacktestRun, batchSize: number): Promise<BacktestRun> {
  const tz = env.DEPLOYMENT_TZ;
  const versions = await ex.select({ id: ruleVersions.id, ruleKey: ruleVersions.ruleKey, version: ruleVersions.version, effectiveAt: ruleVersions.effectiveAt, definition: ruleVersions.definition }).from(ruleVersions);
  const draft = parseRule(run.ruleKey, run.definition);
  // A tiers or campaign draft cannot change commissions: they are counted once (as paid), not replayed.
  const replayCommissions = affectsCommissions(draft.kind);
  const beforeRules = new RulesetTimeline(versions);
  const afterRules = new RulesetTimeline(versions, { ruleKey: run.ruleKey, kind: ruleKindOf(run.ruleKey)!, definition: draft.definition });
  const simBefore = new UsageSimulator(tz);
  const simAfter = new UsageSimulator(tz);
  const perMember = new Map<string, { before: number; after: number }>();
  const totals = emptyTotals();
  // The next batch is read while the current one is evaluated (database and CPU overlap).
  let next = fetchBatch(ex, run, null, batchSize);

  for (;;) {
    const { batch, lines, earns, paid, dists, tiers } = await next;
    if (batch.length === 0) break;
    const last = batch.at(-1)!;
    const more = batch.length === batchSize;
    next = more ? fetchBatch(ex, run, { at: last.cursorAt, id: last.id }, batchSize) : Promise.resolve(EMPTY);
    next.catch(() => {}); // a failure is seen when awaited; a cancelled run never awaits it
    const linesOf = new Map<string, BacktestOrder["lines"]>();
    for (const l of lines) {
      const list = linesOf.get(l.orderId) ?? [];
      list.push({ sku: l.sku, category: l.category, quantity: l.quantity, unitPriceCents: l.unitPriceCents, discountCents: l.discountCents });
      linesOf.set(l.orderId, list);
    }
    const earnedTier = new Map(earns.map((e) => [e.orderId!, e.tier]));
    const paidOf = new Map(paid.map((p) => [p.orderId, Number(p.cents)]));
    const distOf = new Map(dists.map((d) => [d.memberId, { levelCode: d.levelCode, active: d.status === "active" }]));
    const tierNow = new Map(tiers.map((m) => [m.id, m.tierCode]));
    const distributor = (id: string) => distOf.get(id) ?? null;

    for (const o of batch) {
      const order: BacktestOrder = {
        id: o.id,
        memberId: o.memberId,
        placedAt: o.placedAt,
        shippingCents: o.shippingCents,
        pointsCashCents: o.pointsCashCents,
        pointsAwarded: o.pointsAwarded,
        // The tier the order earned with (its earn entry's explanation); no entry: the member's tier now.
        tierCode: earnedTier.has(o.id) ? (earnedTier.get(o.id) ?? null) : (tierNow.get(o.memberId) ?? null),
        lines: linesOf.get(o.id) ?? [],
        upline: o.upline ?? [],
      };
      try {
        const b = replayOrder(beforeRules.at(o.placedAt), order, simBefore, distributor, tz, { commissions: replayCommissions });
        // Nothing awarded although the rules gave points: the member was frozen then; so with the draft.
        const frozen = o.pointsAwarded === 0 && b.points > 0;
        const bp = frozen ? 0 : b.points;
        if (bp > 0) simBefore.record(o.memberId, b.cappedAwards, o.placedAt);
        const a = replayOrder(afterRules.at(o.placedAt), order, simAfter, distributor, tz, { commissions: replayCommissions });
        const ap = frozen ? 0 : a.points;
        if (ap > 0) simAfter.record(o.memberId, a.cappedAwards, o.placedAt);
        totals.orders++;
        totals.issued += o.pointsAwarded;
        totals.before += bp;
        totals.after += ap;
        if (bp !== o.pointsAwarded) totals.mismatches++;
        if (ap !== bp) totals.changedOrders++;
        const paidCents = paidOf.get(o.id) ?? 0;
        totals.commission.paid += paidCents;
        totals.commission.before += replayCommissions ? b.commissionCents : paidCents;
        totals.commission.after += replayCommissions ? a.commissionCents : paidCents;
        const m = perMember.get(o.memberId) ?? { before: 0, after: 0 };
        m.before += bp;
        m.after += ap;
        perMember.set(o.memberId, m);
      } catch {
        totals.skipped++;
      }
    }
    const [state] = await ex
      .update(backtestRuns)
      .set({ processed: sql`${backtestRuns.processed} + ${batch.length}`, results: totals as unknown as Record<string, unknown>, updatedAt: now() })
      .where(eq(backtestRuns.id, run.id))
      .returning({ cancelRequested: backtestRuns.cancelRequested });
    if (state?.cancelRequested) {
      const [cancelled] = await ex.update(backtestRuns).set({ status: "cancelled", finishedAt: now(), updatedAt: now() }).where(eq(backtestRuns.id, run.id)).returning();
      return cancelled!;
    }
    if (!more) break;
  }

  const results = await finalResults(ex, totals, perMember, beforeRules, afterRules, run.toAt);
  const [done] = await ex
    .update(backtestRuns)
    .set({ status: "done", results: results as unknown as Record<string, unknown>, finishedAt: now(), updatedAt: now() })
    .where(eq(backtestRuns.id, run.id))
    .returning();
  return done!;
}

/**
 * Keyset position: placed_at as Postgres prints it (microseconds; a JS Date would round to
 * milliseconds and re-read rows sharing that millisecond) and the order id.
 */
interface Cursor {
  at: string;
  id: string;
}

function windowAfter(run: BacktestRun, c: Cursor | null) {
  return and(gte(orders.placedAt, run.fromAt), lt(orders.placedAt, run.toAt), c ? sql`(${orders.placedAt}, ${orders.id}) > (${c.at}::timestamptz, ${c.id}::uuid)` : undefined);
}

function readBatch(ex: Executor, run: BacktestRun, c: Cursor | null, size: number) {
  return ex
    .select({
      id: orders.id,
      memberId: orders.memberId,
      placedAt: orders.placedAt,
      cursorAt: sql<string>`${orders.placedAt}::text`,
      shippingCents: orders.shippingCents,
      pointsCashCents: orders.pointsCashCents,
      pointsAwarded: orders.pointsAwarded,
      upline: orders.uplineSnapshot,
    })
    .from(orders)
    .where(windowAfter(run, c))
    .orderBy(asc(orders.placedAt), asc(orders.id))
    .limit(size);
}

type Batch = Awaited<ReturnType<typeof fetchBatch>>;
const EMPTY = { batch: [], lines: [], earns: [], paid: [], dists: [], tiers: [] } as unknown as Batch;

/** A batch of orders and everything the replay needs about them. */
async function fetchBatch(ex: Executor, run: BacktestRun, cursor: Cursor | null, size: number) {
  // The related rows are read with the same keyset range (no list of ids to bind), so all six
  // queries go out at once.
  const inBatch = batchOrderIds(ex, run, cursor, size);
  const [batch, lines, earns, paid, dists, tiers] = await Promise.all([
    readBatch(ex, run, cursor, size),
    ex.select().from(orderLines).where(inArray(orderLines.orderId, inBatch)).orderBy(asc(orderLines.orderId), asc(orderLines.lineNo)),
    ex
      .select({ orderId: pointEntries.orderId, tier: sql<string | null>`${pointEntries.explanation}->'tier'->>'code'` })
      .from(pointEntries)
      .where(and(inArray(pointEntries.orderId, inBatch), eq(pointEntries.type, "earn"))),
    ex.select({ orderId: commissions.orderId, cents: sql<number>`sum(${commissions.amountCents})::bigint` }).from(commissions).where(inArray(commissions.orderId, inBatch)).groupBy(commissions.orderId),
    ex
      .select({ memberId: distributors.memberId, levelCode: distributors.levelCode, status: distributors.status })
      .from(distributors)
      .where(sql`${distributors.memberId} in (select unnest(array_append(o.upline_snapshot, o.member_id)) from orders o where o.id in ${inBatch})`),
    ex.select({ id: members.id, tierCode: members.tierCode }).from(members).where(sql`${members.id} in (select o.member_id from orders o where o.id in ${inBatch})`),
  ]);
  return { batch, lines, earns, paid, dists, tiers };
}

/** The ids of the same batch, as a subquery. */
function batchOrderIds(ex: Executor, run: BacktestRun, c: Cursor | null, size: number) {
  return ex.select({ id: orders.id }).from(orders).where(windowAfter(run, c)).orderBy(asc(orders.placedAt), asc(orders.id)).limit(size);
}

const TOP_MEMBERS = 10;

async function finalResults(
  ex: Executor,
  totals: BacktestTotals,
  perMember: Map<string, { before: number; after: number }>,
  beforeRules: RulesetTimeline,
  afterRules: RulesetTimeline,
  at: Date,
): Promise<BacktestResults> {
  const changed = [...perMember.entries()].filter(([, m]) => m.after !== m.before);
  const top = changed
    .map(([memberId, m]) => ({ memberId, before: m.before, after: m.after, delta: m.after - m.before }))
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || (x.memberId < y.memberId ? -1 : 1))
    .slice(0, TOP_MEMBERS);
  const emails = top.length ? await ex.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, top.map((t) => t.memberId))) : [];
  // The points' value at the checkout rate in force at the end of the window (the draft's, when it changes it).
  const ppuBefore = beforeRules.at(at).earning.definition.checkout.pointsPerCurrencyUnit;
  const ppuAfter = afterRules.at(at).earning.definition.checkout.pointsPerCurrencyUnit;
  const beforeCents = pointsValueCents(totals.before, ppuBefore);
  const afterCents = pointsValueCents(totals.after, ppuAfter);
  return {
    ...totals,
    liability: { pointsPerCurrencyUnitBefore: ppuBefore, pointsPerCurrencyUnitAfter: ppuAfter, beforeCents, afterCents, deltaCents: afterCents - beforeCents },
    membersAffected: changed.length,
    members: top.map((t) => ({ ...t, email: emails.find((e) => e.id === t.memberId)?.email ?? null })),
  };
}
