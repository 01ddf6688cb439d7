// Daily rollups for the analytics dashboard (tables in db/schema/analytics.ts).
//
// Incremental: the refresh remembers a cursor (app_meta "analytics.cursor") and recomputes only the
// local days that rows written since then belong to — including old days reached through a late
// refund (its order's day, its commissions' day) or a cancelled redemption. Each touched day is
// rewritten wholesale from the raw tables, so running it twice changes nothing (idempotent), then
// each month of a touched day is rewritten wholesale from its daily items (the monthly grain), and
// the top lists of the dashboard's preset ranges are stored from them; it all runs under one
// transaction-level advisory lock, so concurrent refreshes (the server's background job on every
// instance, cron, the CLI, an admin's "Refresh now") queue or skip instead of interleaving. The
// dashboard itself only reads.
import { eq, sql } from "drizzle-orm";
import { db, rowsOf, type Executor, type Tx } from "@/db/client";
import { appMeta } from "@/db/schema";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { topItemsOver } from "./items";
import { addDays, monthOf, PRESETS } from "./range";

/** Advisory lock key of the rollup refresh (any fixed bigint; "jifen" + 1). */
const LOCK_KEY = 0x6a6966656e01;
const CURSOR_KEY = "analytics.cursor";
/** Allowed gap between the app's clock and the database's (createdAt comes from the app clock). */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface RefreshResult {
  /** false when another refresh held the lock and `wait` was false. */
  ran: boolean;
  days: string[];
  cursor: string | null;
}

export interface RefreshOptions {
  /** Wait for a running refresh (CLI) or skip when one is running (background job, "Refresh now"). */
  wait?: boolean;
  timeZone?: string;
  /** Recompute every day from scratch (ignores the cursor). */
  full?: boolean;
  /** Skip (ran: false) when the last refresh started less than this long ago (instances share one a minute). */
  minIntervalMs?: number;
}

export async function refreshRollups({ wait = true, timeZone = env.DEPLOYMENT_TZ, full = false, minIntervalMs = 0 }: RefreshOptions = {}): Promise<RefreshResult> {
  if (minIntervalMs > 0) {
    // One primary-key read before any lock: a refresh every instance would do is done once.
    const last = await rollupsRefreshedAt();
    if (last && now().getTime() - last.getTime() < minIntervalMs) return { ran: false, days: [], cursor: null };
  }
  return db.transaction(async (tx) => {
    if (wait) {
      await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    } else {
      const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${LOCK_KEY}) as ok`));
      if (!lock?.ok) return { ran: false, days: [], cursor: null };
    }
    const startedAt = now();
    const previous = full ? null : await readCursor(tx);
    const days = await touchedDays(tx, previous?.cursor ?? null, timeZone);
    const today = localDay(startedAt, timeZone);
    // Nothing written since a refresh that already ran today: the rollups are current and only the
    // cursor moves. The background job refreshes every minute, so an idle shop pays a few probes a
    // minute instead of a rewrite (on PGlite every statement also stalls the server's event loop).
    const current = days.length === 0 && previous !== null && localDay(previous.at, timeZone) === today;
    if (!current) {
      if (!days.includes(today)) days.push(today);
      days.sort();
      await recomputeDays(tx, days, timeZone, startedAt);
    }
    // With no days this only builds a missing monthly grain (a database from before it).
    await recomputeMonths(tx, days);
    if (!current) await recomputeTopLists(tx, today);
    const cursor = await nextCursor(tx, startedAt);
    await tx
      .insert(appMeta)
      .values({ key: CURSOR_KEY, value: cursor.toISOString(), updatedAt: startedAt })
      .onConflictDoUpdate({ target: appMeta.key, set: { value: cursor.toISOString(), updatedAt: startedAt } });
    return { ran: true, days, cursor: cursor.toISOString() };
  });
}

/** When the last refresh started (the rollups hold everything written before then); null before the first. */
export async function rollupsRefreshedAt(): Promise<Date | null> {
  const [last] = await db.select({ at: appMeta.updatedAt }).from(appMeta).where(eq(appMeta.key, CURSOR_KEY));
  return last?.at ?? null;
}

/** The calendar day of `at` in the deployment's zone, as YYYY-MM-DD. */
export function localDay(at: Date, timeZone: string = env.DEPLOYMENT_TZ): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** Where the last refresh left off (its cursor) and when it ran. */
async function readCursor(ex: Executor): Promise<{ cursor: Date; at: Date } | null> {
  const [row] = await ex.select({ value: appMeta.value, at: appMeta.updatedAt }).from(appMeta).where(eq(appMeta.key, CURSOR_KEY));
  return typeof row?.value === "string" ? { cursor: new Date(row.value), at: row.at } : null;
}

/**
 * Where the next refresh starts looking. A transaction still open now may commit rows whose
 * createdAt (taken when it wrote them) is earlier than this refresh's start, after this refresh has
 * read: so the cursor goes back to the oldest open transaction's start, and a little further for
 * clock skew between app instances and the database.
 */
async function nextCursor(tx: Tx, startedAt: Date): Promise<Date> {
  const [row] = rowsOf<{ oldest: string | null }>(
    await tx.execute(sql`
      select min(xact_start)::text as oldest from pg_stat_activity
       where xact_start is not null and pid <> pg_backend_pid() and datname = current_database()`),
  );
  const oldest = row?.oldest ? new Date(row.oldest).getTime() : Infinity;
  return new Date(Math.min(startedAt.getTime(), oldest) - CLOCK_SKEW_MS);
}

/** Local days that rows written after `since` (every day when null) contribute to. */
async function touchedDays(tx: Tx, since: Date | null, timeZone: string): Promise<string[]> {
  const s = since ? since.toISOString() : "-infinity";
  const tz = timeZone;
  const rows = rowsOf<{ day: string }>(
    await tx.execute(sql`
      select distinct day::text as day from (
        select (created_at at time zone ${tz})::date as day from point_entries where created_at > ${s}::timestamptz
        union select (placed_at at time zone ${tz})::date from orders where created_at > ${s}::timestamptz
        union select (created_at at time zone ${tz})::date from refunds where created_at > ${s}::timestamptz
        -- a late refund changes its order's net sales and its commissions' net amounts
        union select (o.placed_at at time zone ${tz})::date from refunds r join orders o on o.id = r.order_id where r.created_at > ${s}::timestamptz
        union select (c.created_at at time zone ${tz})::date from refunds r join commissions c on c.order_id = r.order_id where r.created_at > ${s}::timestamptz
        -- a cancellation changes the redemption's own day
        union select (created_at at time zone ${tz})::date from redemptions where updated_at > ${s}::timestamptz
        union select (created_at at time zone ${tz})::date from commissions where created_at > ${s}::timestamptz
        union select (created_at at time zone ${tz})::date from wallet_entries where created_at > ${s}::timestamptz
        union select (paid_at at time zone ${tz})::date from withdrawals where updated_at > ${s}::timestamptz and paid_at is not null
        union select (created_at at time zone ${tz})::date from members where created_at > ${s}::timestamptz
        union select (created_at at time zone ${tz})::date from tier_history where created_at > ${s}::timestamptz
      ) t where day is not null`),
  );
  return rows.map((r) => r.day);
}

/**
 * Rewrites the rollup rows of `days` from the raw tables. Each day is joined to the raw rows by a
 * [start, end) range on an indexed timestamp, so a handful of days reads only those days' rows.
 */
async function recomputeDays(tx: Tx, days: string[], tz: string, at: Date): Promise<void> {
  if (days.length === 0) return;
  const dayList = sql`${`{${days.join(",")}}`}::date[]`;
  const d = sql`d as (
    select day, (day::timestamp at time zone ${tz}) as lo, ((day + 1)::timestamp at time zone ${tz}) as hi
      from unnest(${dayList}) as day)`;
  await tx.execute(sql`delete from analytics_daily where day = any(${dayList})`);
  await tx.execute(sql`delete from analytics_daily_items where day = any(${dayList})`);
  await tx.execute(sql`
    with ${d},
    pe as (
      select d.day,
             coalesce(sum(e.points) filter (where e.type = 'earn'), 0) as issued,
             coalesce(sum(e.points) filter (where e.type = 'restore'), 0) as restored,
             coalesce(-sum(e.points) filter (where e.type = 'spend'), 0) as redeemed,
             coalesce(-sum(e.points) filter (where e.type = 'expire'), 0) as expired,
             coalesce(-sum(e.points) filter (where e.type = 'reverse'), 0) as reversed,
             coalesce(sum(e.points) filter (where e.type = 'adjust'), 0) as adjusted,
             coalesce(sum(e.points), 0) as net
        from d join point_entries e on e.created_at >= d.lo and e.created_at < d.hi
       group by d.day),
    ord as (
      select d.day, count(*) as orders, sum(o.paid_cents) as sales, sum(o.paid_cents - o.refunded_cents) as net_sales,
             count(*) filter (where cardinality(o.upline_snapshot) > 0) as dist_orders,
             coalesce(sum(o.paid_cents) filter (where cardinality(o.upline_snapshot) > 0), 0) as dist_sales
        from d join orders o on o.placed_at >= d.lo and o.placed_at < d.hi
       group by d.day),
    ref as (select d.day, sum(r.amount_cents) as cents from d join refunds r on r.created_at >= d.lo and r.created_at < d.hi group by d.day),
    red as (
      select d.day, count(*) as n, sum(r.points_spent) as points
        from d join redemptions r on r.created_at >= d.lo and r.created_at < d.hi
       where r.status <> 'cancelled'
       group by d.day),
    com as (select d.day, sum(c.amount_cents) as cents from d join commissions c on c.created_at >= d.lo and c.created_at < d.hi group by d.day),
    rev as (
      select d.day, -sum(w.pending_delta + w.available_delta) as cents
        from d join wallet_entries w on w.created_at >= d.lo and w.created_at < d.hi
       where w.type in ('reversal', 'adjustment')
       group by d.day),
    wd as (
      select d.day, sum(w.amount_cents) as cents
        from d join withdrawals w on w.paid_at >= d.lo and w.paid_at < d.hi
       where w.status = 'approved'
       group by d.day),
    mem as (
      select d.day, count(*) as n, count(*) filter (where m.referrer_id is not null) as referred
        from d join members m on m.created_at >= d.lo and m.created_at < d.hi
       group by d.day),
    act as (
      select day, count(distinct member_id) as n from (
        select d.day, e.member_id from d join point_entries e on e.created_at >= d.lo and e.created_at < d.hi
        union all
        select d.day, o.member_id from d join orders o on o.placed_at >= d.lo and o.placed_at < d.hi
      ) a group by day)
    insert into analytics_daily (
      day, points_issued, points_restored, points_redeemed, points_expired, points_reversed, points_adjusted, points_net,
      orders, sales_cents, net_sales_cents, refunds_cents, distributor_orders, distributor_sales_cents,
      redemptions, redemption_points, commissions_accrued_cents, commissions_reversed_cents, withdrawals_paid_cents,
      new_members, referred_members, active_members, refreshed_at)
    select d.day,
           coalesce(pe.issued, 0), coalesce(pe.restored, 0), coalesce(pe.redeemed, 0), coalesce(pe.expired, 0),
           coalesce(pe.reversed, 0), coalesce(pe.adjusted, 0), coalesce(pe.net, 0),
           coalesce(ord.orders, 0), coalesce(ord.sales, 0), coalesce(ord.net_sales, 0), coalesce(ref.cents, 0),
           coalesce(ord.dist_orders, 0), coalesce(ord.dist_sales, 0),
           coalesce(red.n, 0), coalesce(red.points, 0), coalesce(com.cents, 0), coalesce(rev.cents, 0), coalesce(wd.cents, 0),
           coalesce(mem.n, 0), coalesce(mem.referred, 0), coalesce(act.n, 0), ${at.toISOString()}::timestamptz
      from d
      left join pe using (day) left join ord using (day) left join ref using (day) left join red using (day)
      left join com using (day) left join rev using (day) left join wd using (day) left join mem using (day)
      left join act using (day)`);
  await tx.execute(sql`
    with ${d}
    insert into analytics_daily_items (day, kind, key, count, amount)
    select d.day, 'reward', r.reward_id::text, sum(r.quantity), sum(r.points_spent)
      from d join redemptions r on r.created_at >= d.lo and r.created_at < d.hi
     where r.status <> 'cancelled'
     group by d.day, r.reward_id
    union all
    select d.day, 'distributor', c.distributor_id::text, count(*), sum(c.amount_cents - c.reversed_cents)
      from d join commissions c on c.created_at >= d.lo and c.created_at < d.hi
     group by d.day, c.distributor_id
    union all
    select day, 'tier-move', coalesce(from_code, '') || '>' || to_code, count(*), 0
      from (select d.day, h.from_code, h.to_code from d join tier_history h on h.created_at >= d.lo and h.created_at < d.hi) h
     group by day, from_code, to_code
    union all
    -- Members at each tier, as daily changes: a new member joins their first tier (the first
    -- recorded move's "from", or their tier now when they never moved); each move is −1 from, +1 to.
    select day, 'tier', code, sum(delta), 0 from (
      select d.day, case when f.has then f.from_code else m.tier_code end as code, 1 as delta
        from d join members m on m.created_at >= d.lo and m.created_at < d.hi
        left join lateral (
          select h.from_code, true as has from tier_history h where h.member_id = m.id order by h.created_at, h.id limit 1
        ) f on true
      union all
      select d.day, h.to_code, 1 from d join tier_history h on h.created_at >= d.lo and h.created_at < d.hi
      union all
      select d.day, h.from_code, -1 from d join tier_history h on h.created_at >= d.lo and h.created_at < d.hi
    ) t
     where code is not null
     group by day, code
    having sum(delta) <> 0`);
}

/**
 * Rewrites the stored top lists of every preset range ending today (the dashboard reads them
 * instead of summing a year of items per key), from the items just written.
 */
async function recomputeTopLists(tx: Tx, today: string): Promise<void> {
  await tx.execute(sql`delete from analytics_top_items`);
  for (const kind of ["reward", "distributor"] as const) {
    for (const days of PRESETS) {
      await tx.execute(sql`
        insert into analytics_top_items (kind, days, rank, through, key, count, amount)
        select ${kind}, ${days}, row_number() over (order by amount desc, key), ${today}, key, count, amount
          from (${topItemsOver(kind, addDays(today, -(days - 1)), today)}) t`);
    }
  }
}

/**
 * Rewrites the monthly items of every month that contains one of `days`, from the daily items.
 * When the monthly table is still empty while daily items exist (a database from before the
 * monthly grain), every month is built once, so long ranges are right from the first refresh.
 */
async function recomputeMonths(tx: Tx, days: string[]): Promise<void> {
  const [state] = rowsOf<{ backfill: boolean }>(
    await tx.execute(sql`select not exists (select 1 from analytics_monthly_items) and exists (select 1 from analytics_daily_items) as backfill`),
  );
  const months = state?.backfill
    ? sql`(select distinct date_trunc('month', day)::date from analytics_daily_items)`
    : sql`(select unnest(${`{${[...new Set(days.map(monthOf))].join(",")}}`}::date[]))`;
  if (!state?.backfill && days.length === 0) return;
  await tx.execute(sql`delete from analytics_monthly_items where month in ${months}`);
  await tx.execute(sql`
    insert into analytics_monthly_items (month, kind, key, count, amount)
    select m.month, i.kind, i.key, sum(i.count), sum(i.amount)
      from ${months} as m(month)
      join analytics_daily_items i on i.day >= m.month and i.day < (m.month + interval '1 month')::date
     group by m.month, i.kind, i.key
    having sum(i.count) <> 0 or sum(i.amount) <> 0`);
}
