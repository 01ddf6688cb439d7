// Running a backtest: the orders of the window in keyset batches (placed_at, id), each re-evaluated
// twice — with the versions in force at its placedAt, and with the draft substituted — through the
// evaluator ingestion uses. Totals are written after every batch (progress any instance can show)
// and the cancel flag is read in the same statement. "before" is also checked against what ingestion
// actually awarded: a difference (mismatches) says how far the replay can be trusted.
import { eq, inArray, sql } from "drizzle-orm";
import { db, rowsOf, type Executor } from "@/db/client";
import { backtestRuns, ruleVersions, users, type BacktestRun } from "@/db/schema";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { parseRule } from "../ruleset";
import { ruleKindOf } from "../schema";
import { affectsCommissions, pointsValueCents, replayOrder, RulesetTimeline, UsageSimulator, type BacktestOrder } from "./backtest-math";

export const BACKTEST_BATCH = 2000;
/** Batches being read while one is evaluated (each on its own pooled connection). */
const PREFETCH = 3;

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

export async function runBacktest(
  runId: string,
  { ex = db, batchSize = BACKTEST_BATCH, prefetch = PREFETCH }: { ex?: Executor; batchSize?: number; prefetch?: number } = {},
): Promise<BacktestRun> {
  const [run] = await ex.select().from(backtestRuns).where(eq(backtestRuns.id, runId));
  if (!run) throw new Error(`no backtest run ${runId}`);
  if (run.status !== "running") return run;
  try {
    return await replay(ex, run, batchSize, prefetch);
  } catch (e) {
    const [failed] = await ex
      .update(backtestRuns)
      .set({ status: "failed", error: e instanceof Error ? e.message.slice(0, 500) : String(e), updatedAt: now(), finishedAt: now() })
      .where(eq(backtestRuns.id, runId))
      .returning();
    return failed!;
  }
}

async function replay(ex: Executor, run: BacktestRun, batchSize: number, prefetch: number): Promise<BacktestRun> {
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
  // The batches' keyset bounds first (one pass over the window's index), so several batches can be
  // read at once on separate connections while the current one is evaluated: the database's work
  // (index lookups per order) runs in parallel with itself and with the evaluator.
  const bounds = await batchBounds(ex, run, batchSize);
  const inFlight: Promise<Batch>[] = [];
  let nextBatch = 0;
  const refill = () => {
    while (inFlight.length < prefetch && nextBatch <= bounds.length) {
      const p = fetchBatch(ex, run, bounds[nextBatch - 1] ?? null, bounds[nextBatch] ?? null);
      p.catch(() => {}); // a failure is seen when awaited; a cancelled run never awaits it
      inFlight.push(p);
      nextBatch++;
    }
  };

  for (;;) {
    refill();
    const current = inFlight.shift();
    if (!current) break;
    const { batch, dists } = await current;
    refill();
    const distributor = (id: string) => dists.get(id) ?? null;

    for (const o of batch) {
      try {
        const b = replayOrder(beforeRules.at(o.placedAt), o, simBefore, distributor, tz, { commissions: replayCommissions });
        // Nothing awarded although the rules gave points: the member was frozen then; so with the draft.
        const frozen = o.pointsAwarded === 0 && b.points > 0;
        const bp = frozen ? 0 : b.points;
        if (bp > 0) simBefore.record(o.memberId, b.cappedAwards, o.placedAt);
        const a = replayOrder(afterRules.at(o.placedAt), o, simAfter, distributor, tz, { commissions: replayCommissions });
        const ap = frozen ? 0 : a.points;
        if (ap > 0) simAfter.record(o.memberId, a.cappedAwards, o.placedAt);
        totals.orders++;
        totals.issued += o.pointsAwarded;
        totals.before += bp;
        totals.after += ap;
        if (bp !== o.pointsAwarded) totals.mismatches++;
        if (ap !== bp) totals.changedOrders++;
        const paidCents = o.paidCents;
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

type Batch = { batch: (BacktestOrder & { paidCents: number })[]; dists: Map<string, { levelCode: string; active: boolean }> };

/**
 * The keyset bound that ends each full batch: the (placed_at, id) of every `size`-th order of the
 * window. Batch i is (bound i−1, bound i]; the last one runs to the end of the window (orders that
 * arrive late in it are still read).
 */
async function batchBounds(ex: Executor, run: BacktestRun, size: number): Promise<Cursor[]> {
  return rowsOf<Cursor>(
    await ex.execute(sql`
      select at, id from (
        select o.placed_at::text as at, o.id::text as id, row_number() over (order by o.placed_at, o.id) as n
          from orders o
         where o.placed_at >= ${run.fromAt.toISOString()}::timestamptz and o.placed_at < ${run.toAt.toISOString()}::timestamptz) t
       where n % ${size} = 0
       order by n`),
  );
}

/** One order as the batch statement returns it (a JSON array; see fetchBatch). */
type OrderRow = [
  id: string,
  memberId: string,
  placedAtMs: number,
  shippingCents: number,
  pointsCashCents: number,
  pointsAwarded: number,
  upline: string[] | null,
  tierCode: string | null,
  paidCents: number,
  lines: [sku: string, category: string | null, quantity: number, unitPriceCents: number, discountCents: number][] | null,
];

/**
 * A batch of orders and everything the replay needs about them, as ONE statement that returns one
 * JSON document: the database assembles each order with its lines, its earn entry's tier, its paid
 * commissions and the buyer's tier (one index scan per table over the batch's ids), and the process parses a single
 * string natively instead of decoding ~5 driver rows per order — at 1M orders the row decoding was
 * a large share of the run, on the same thread as the evaluator.
 */
async function fetchBatch(ex: Executor, run: BacktestRun, after: Cursor | null, upTo: Cursor | null): Promise<Batch> {
  const [row] = rowsOf<{ orders: string | null; dists: string | null }>(
    await ex.transaction(async (tx) => {
      // The planner cannot estimate the keyset range (≈ 250k rows instead of 2,000), so its cost
      // passes jit_above_cost and every batch was JIT-compiled with inlining and optimization:
      // ~575 ms of compilation for ~110 ms of execution (EXPLAIN ANALYZE at 1M, BENCHMARKS.md).
      await tx.execute(sql`set local jit = off`);
      return tx.execute(sql`
      with b as materialized (
        select o.id, o.member_id, o.placed_at, o.shipping_cents, o.points_cash_cents, o.points_awarded, o.upline_snapshot
          from orders o
         where o.placed_at >= ${run.fromAt.toISOString()}::timestamptz and o.placed_at < ${run.toAt.toISOString()}::timestamptz
               ${after ? sql`and (o.placed_at, o.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
               ${upTo ? sql`and (o.placed_at, o.id) <= (${upTo.at}::timestamptz, ${upTo.id}::uuid)` : sql``}),
      -- The batch's lines, earn entries and commissions each by ONE index scan over the batch's ids
      -- (= any sorts them, so each index page is read once per batch however many of its ids it
      -- holds), not a lookup per order: order ids are random, so per-order lookups read about one
      -- index page from outside shared_buffers per order and table.
      l as (select l.order_id, json_agg(json_build_array(l.sku, l.category, l.quantity, l.unit_price_cents, l.discount_cents) order by l.line_no) as lines
              from order_lines l where l.order_id = any(array(select id from b)) group by l.order_id),
      e as (select distinct on (pe.order_id) pe.order_id, pe.explanation->'tier'->>'code' as tier
              from point_entries pe where pe.order_id = any(array(select id from b)) and pe.type = 'earn'),
      pc as (select cm.order_id, sum(cm.amount_cents) as cents from commissions cm where cm.order_id = any(array(select id from b)) group by cm.order_id)
      select
        (select json_agg(json_build_array(
                  b.id, b.member_id, floor(extract(epoch from b.placed_at) * 1000), b.shipping_cents, b.points_cash_cents, b.points_awarded,
                  b.upline_snapshot,
                  -- the tier the order earned with (its earn entry's explanation); no entry: the member's tier now
                  case when e.order_id is not null then e.tier else (select m.tier_code from members m where m.id = b.member_id) end,
                  coalesce(pc.cents, 0),
                  l.lines)
                order by b.placed_at, b.id)
           from b left join e on e.order_id = b.id left join pc on pc.order_id = b.id left join l on l.order_id = b.id
        )::text as orders,
        (select json_agg(json_build_array(d.member_id, d.level_code, d.status))
           from distributors d where d.member_id in (select unnest(array_append(b.upline_snapshot, b.member_id)) from b))::text as dists`);
    }),
  );
  const rows = JSON.parse(row?.orders ?? "[]") as OrderRow[];
  const batch = rows.map(([id, memberId, placedAtMs, shippingCents, pointsCashCents, pointsAwarded, upline, tierCode, paidCents, lines]) => ({
    id,
    memberId,
    placedAt: new Date(placedAtMs),
    shippingCents,
    pointsCashCents,
    pointsAwarded,
    tierCode,
    lines: (lines ?? []).map(([sku, category, quantity, unitPriceCents, discountCents]) => ({ sku, category, quantity, unitPriceCents, discountCents })),
    upline: upline ?? [],
    paidCents: Number(paidCents),
  }));
  const dists = new Map((JSON.parse(row?.dists ?? "[]") as [string, string, string][]).map(([memberId, levelCode, status]) => [memberId, { levelCode, active: status === "active" }]));
  return { batch, dists };
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
