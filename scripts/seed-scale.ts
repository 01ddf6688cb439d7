// npm run seed:scale -- --members 1000000 [--fresh] [--chunk 50000] [--jobs 2] [--skew 2.9] [--now 2026-11-23T00:00:00Z] [--trace]
//
// Fills the Postgres database at DATABASE_URL with a realistic programme at merchant scale
// (issue 7, "Scale data"): members over a year of join dates, a distributor forest (closure rows,
// depth ≤ 6, skewed team sizes: the first root has ~10 % of everyone), ~10 ledger entries per
// member with lots in every state, one order per member (5 % refunded, partly or wholly), two
// levels of commission on every referred order in every state, distributor wallets and
// withdrawals, rewards with stock, redemptions and stock movements. Set-based SQL only
// (`insert … select generate_series`, chunked by member, one progress line per chunk), run on
// --jobs connections at once; ids are md5-derived so two runs with the same --members and --now
// give the same rows. Prints the time of every phase and writes them to bench/results/.
//
// The ledger is built so `npm run ledger:verify` holds by construction. Per member g (E = 6..10 lots):
//   lot 1   sign-up bonus; g%3=0 expired and swept (an `expire` entry + allocation, remaining 0),
//           g%3=1 expired but not swept yet (work for the expiry sweep), g%3=2 never expires
//   lot 2   fully consumed by the member's spend (allocation = amount)
//   lot 3   half consumed by that spend (allocation = ⌊amount/2⌋)
//   lot O   the earn of order g: O = 4, or for g%4=0 O = E, a recent order (the last 6 days) whose
//           points are still pending (the 7-day return window)
//   lot 4   g%40=7: the order is 40 % refunded two days after it (a `reverse` entry + allocation);
//           g%40=27: wholly refunded twenty days after it
//   others  available, expiring a year after they were earned
// so Σ entries = Σ lots.remaining, lot.remaining = amount − Σ allocations, and the balance row
// (written at --now) is what the lots give at --now. g%10=3 spends through a mall redemption.
//
// Commissions follow the default distribution rule (10 % to the direct referrer, 5 % to theirs,
// of the earning base, floor per commission; available 7 + 7 days after the order), so
// `npm run wallet:verify` holds by construction. Their states:
//   pending     the recent orders (g%4=0), not yet past their date
//   held        of those, g%100=0: held by an open risk case (one per distributor and buyer)
//   released    the older orders, released on their date (a `release` wallet entry)
//   due         g%50=13: past their date but not released yet (work for the release sweep; 11 would
//               pick members who joined without a referrer, g%5=1, who earn no commission)
//   reversed    g%40=7: 40 % taken back from pending by the refund; g%40=27: all of it taken back
//               from available after release (status `reversed`)
// A day before --now, two thirds of the wallets with ≥ ¥20 available asked to withdraw half of it;
// half of those requests were paid (`approved`), the rest are still `requested`.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import postgres from "postgres";
import { openPostgres } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { rebuildRankTotals } from "@/lib/distribution/rank-totals";
import { ensureDefaultRules } from "@/lib/rules/load-ruleset";
import { cliOptions, loadAverage } from "./cli";

const args = cliOptions();
const N = Number(args.get("members") ?? 1_000_000);
const CHUNK = Number(args.get("chunk") ?? 50_000);
const JOBS = Number(args.get("jobs") ?? 2);
// How strongly distributors pick the first ones of the level above as their referrer (a power of a
// uniform draw). With 2.9, at 1M members the two biggest teams are JF000010 (103,824 descendants)
// and JF000001 (98,328): the ~100k team bench:team asks for (2.2 gave 71,756). At 100k members
// JF000001 leads with 20,918. The seed prints the three biggest at the end.
const SKEW = Number(args.get("skew") ?? 2.9);
const FRESH = args.get("fresh") === "true";
// The seed's "now": every timestamp is relative to it (default: today 00:00 UTC, so reruns on
// the same day are identical).
const NOW_ISO = args.get("now") ?? `${new Date().toISOString().slice(0, 10)}T00:00:00Z`;
const URL_ = process.env.DATABASE_URL;
const TRACE = args.get("trace") === "true"; // time of every statement

if (!URL_ || !/^postgres(ql)?:\/\//.test(URL_)) {
  console.error("seed:scale needs DATABASE_URL=postgres://… (a Postgres database; PGlite is not supported)");
  process.exit(2);
}
if (!Number.isInteger(N) || N < 100) {
  console.error("--members must be an integer ≥ 100");
  process.exit(2);
}
if (!Number.isInteger(JOBS) || JOBS < 1 || JOBS > 8) {
  console.error("--jobs must be an integer from 1 to 8");
  process.exit(2);
}
if (Number.isNaN(Date.parse(NOW_ISO))) {
  console.error(`--now is not a timestamp: ${NOW_ISO}`);
  process.exit(2);
}

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
const log = (s: string) => console.log(`[${elapsed().padStart(7)}] ${s}`);
const load = loadAverage;

// ---------------------------------------------------------------- the shape, as SQL expressions of g

const NOW = `timestamptz '${new Date(NOW_ISO).toISOString()}'`;
const DISTRIBUTORS = Math.floor(N / 20); // g % 20 = 0 → distributor number g / 20
const REWARDS = Math.max(100, Math.min(10_000, Math.floor(N / 100)));
// Distributor levels 0..5 grow ×3 (roots first): level L holds R0·3^L distributors, so the
// distributors fill at most 6 levels and their members sit at depth ≤ 6.
const R0 = Math.max(1, Math.ceil(DISTRIBUTORS / 364));
const member = (g: string) => `md5('member-' || ${g})::uuid`;
/** A pseudo-random fraction in [0, 1) of an integer expression (multiplicative hashing). */
const frac = (x: string, mult: number) => `((((${x})::bigint * ${mult}) % 4294967296) / 4294967296.0)`;
// Join date: spread over the year before now (the last 65 days excluded, so every member has history).
const join = `(${NOW} - interval '365 days' + ((g::bigint * 2654435761) % 25920000) * interval '1 second')`;
const lots = `(6 + g % 5)`;
/** When lot i was earned: evenly through the member's history, the last two slots left for later activity. */
const earnedAt = (i: string) => `(${join} + (${NOW} - ${join}) * (${i}::float8 / (${lots} + 2)))`;
const amount = (i: string) => `(50 + (g::bigint * 7919 + ${i} * 104729) % 951)`;
const spendAt = `(${earnedAt("3.5")})`;
/** The recent orders (g%4=0): placed in the 6 days before now, their points still pending. */
const recentAt = `(${NOW} - interval '1 hour' - ((g::bigint * 7919) % 518400) * interval '1 second')`;
/** Order g: its earn lot, amount (yuan = points) and time. */
const orderLot = `(case when g % 4 = 0 then ${lots} else 4 end)`;
const orderAmount = `(case when g % 4 = 0 then ${amount(lots)} else ${amount("4")} end)`;
const placedAt = `(case when g % 4 = 0 then ${recentAt} else ${earnedAt("4")} end)`;
// Refunds (g%20=7, always an older order whose earn is lot 4): g%40=7 refunds line 2 (40 %) two
// days later, while its commissions are pending; g%40=27 refunds everything 20 days later, after
// they were released.
const refundAt = `(${earnedAt("4")} + case when g % 40 = 27 then interval '20 days' else interval '2 days' end)`;
const refundedCents = `(case when g % 40 = 27 then ${amount("4")} * 100 else ${amount("4")} * 40 end)`;
const reversed4 = `(case when g % 40 = 27 then ${amount("4")} else (${amount("4")} * 4) / 10 end)`;
const expiry1 = `(${earnedAt("1")} + interval '45 days')`;
const spendPoints = `(${amount("2")} + ${amount("3")} / 2)`;
/** The reward member g redeems: spread over the catalogue, never a tier-only, coupon or (future) flash reward (reward 2 instead). */
const rewardOf = `(case when (1 + (g * 7) % ${REWARDS}) % 40 < 2 or (1 + (g * 7) % ${REWARDS}) % 12 = 5 or (1 + (g * 7) % ${REWARDS}) % 100 = 3 then 2 else 1 + (g * 7) % ${REWARDS} end)`;

/** Referrer of member g (a distributor's member number), or null: the distributor forest. */
function parentFunction(): string {
  const levels: { start: number; end: number; size: number }[] = [];
  let start = 1;
  for (let L = 0; L < 6; L++) {
    const size = R0 * 3 ** L;
    levels.push({ start, end: start + size - 1, size });
    start += size;
  }
  // Distributor d at level L ≥ 1 picks its parent in level L−1, skewed to the first ones (power SKEW):
  // the first root ends up with ~10 % of everyone below it, the next ones with a few %, most with few.
  const d = "(g / 20)";
  const cases = levels
    .slice(1)
    .map((l, k) => `when ${d} <= ${l.end} then 20 * (${levels[k]!.start} + floor(${levels[k]!.size} * power(${frac(d, 2246822519)}, ${SKEW})))::bigint`)
    .join(" ");
  return `
    create or replace function pg_temp.seed_parent(g bigint) returns bigint language sql immutable as $$
      select case
        when g % 20 = 0 then (case when ${d} <= ${levels[0]!.end} then null ${cases} end)
        when g % 5 = 1 then null  -- a fifth of the plain members joined without a referral
        else 20 * (1 + floor(${DISTRIBUTORS} * power(${frac("g", 3266489917)}, 2)))::bigint
      end
    $$`;
}

// ---------------------------------------------------------------- running

const connect = () => postgres(URL_!, { max: 1, onnotice: () => {}, idle_timeout: 0 });
const sql = connect();

/** Per-phase wall time and the time its statements kept a connection busy (they overlap with --jobs > 1). */
const phases = new Map<string, { wall: number; busy: number; first: number; last: number }>();
function account(phase: string, from: number, to: number) {
  const p = phases.get(phase) ?? { wall: 0, busy: 0, first: from, last: to };
  p.busy += to - from;
  p.first = Math.min(p.first, from);
  p.last = Math.max(p.last, to);
  p.wall = p.last - p.first;
  phases.set(phase, p);
}

async function run(c: postgres.Sql, statement: string) {
  const ts = performance.now();
  await c.unsafe(statement);
  if (TRACE) log(`    ${((performance.now() - ts) / 1000).toFixed(2)}s ${statement.trim().split("\n")[0]!.slice(0, 70)}`);
}

/** Session settings of a loading connection: the load is redone from scratch if it fails, so nothing waits for the WAL flush. */
async function session(c: postgres.Sql) {
  await c.unsafe("set synchronous_commit = off");
  await c.unsafe("set work_mem = '256MB'");
  await c.unsafe("set maintenance_work_mem = '512MB'");
  await c.unsafe(parentFunction());
}

interface Task {
  phase: string;
  label: string;
  statements: string[];
}

const chunks = (phase: string, total: number, statements: (from: number, to: number) => string[]): Task[] => {
  const out: Task[] = [];
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    out.push({ phase, label: `${phase}: ${to.toLocaleString("en")} / ${total.toLocaleString("en")}`, statements: statements(from, to) });
  }
  return out;
};

/** Runs the tasks on JOBS connections (each set up as a loading session), in order of the list. */
async function pool(tasks: Task[], jobs = JOBS) {
  let next = 0;
  const workers = await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, async () => {
    const c = connect();
    await session(c);
    return c;
  }));
  try {
    await Promise.all(
      workers.map(async (c) => {
        while (next < tasks.length) {
          const t = tasks[next++]!;
          const from = performance.now();
          for (const s of t.statements) await run(c, s);
          const to = performance.now();
          account(t.phase, from, to);
          log(`${t.label} (${((to - from) / 1000).toFixed(1)}s)`);
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((c) => c.end()));
  }
}

async function serial(phase: string, statements: string[]) {
  const from = performance.now();
  for (const s of statements) await run(sql, s);
  account(phase, from, performance.now());
  log(`${phase} (${((performance.now() - from) / 1000).toFixed(1)}s)`);
}

const BIG_TABLES = [
  "users", "members", "distributors", "referral_paths", "point_entries", "point_lots", "point_allocations",
  "point_balances", "orders", "order_lines", "refunds", "rewards", "redemptions", "stock_movements",
  "commissions", "distributor_wallets", "wallet_entries", "withdrawals", "risk_cases",
];

async function prepare(): Promise<{ distributionRule: string; earningRule: string }> {
  const dbName = new URL(URL_!).pathname.slice(1);
  if (FRESH) {
    if (["postgres", "template0", "template1", "test"].includes(dbName)) throw new Error(`refusing to drop database ${dbName}`);
    const admin = new URL(URL_!);
    admin.pathname = "/postgres";
    const a = postgres(admin.toString(), { max: 1, onnotice: () => {} });
    try {
      await a.unsafe(`drop database if exists "${dbName}" with (force)`);
      await a.unsafe(`create database "${dbName}"`);
    } finally {
      await a.end();
    }
    log(`recreated database ${dbName}`);
  }
  const h = openPostgres(URL_!, 1);
  try {
    await runMigrations(h, URL_!);
    // The rules every database runs on (commissions cite the versions they were paid under).
    await ensureDefaultRules(h.db);
  } finally {
    await h.close();
  }
  log("migrations applied, default rules in place");
  const [row] = await sql<{ n: string }[]>`select count(*)::text n from (select 1 from members limit 1) x`;
  if (row!.n !== "0") {
    console.error(`database ${dbName} already has members: rerun with --fresh to drop and recreate it`);
    await sql.end();
    process.exit(1);
  }
  const rules = await sql<{ rule_key: string; id: string }[]>`
    select distinct on (rule_key) rule_key, id::text from rule_versions where rule_key in ('distribution', 'earning') order by rule_key, version`;
  const id = (k: string) => rules.find((r) => r.rule_key === k)?.id ?? "00000000-0000-0000-0000-000000000000";
  return { distributionRule: id("distribution"), earningRule: id("earning") };
}

/** Drops the keys, secondary indexes and foreign keys of the tables filled here; returns what rebuilds them. */
async function dropSecondaryIndexes(): Promise<{ keys: string[]; indexes: string[]; foreign: string[] }> {
  const rows = await sql<{ name: string; def: string }[]>`
    select i.indexname as name, i.indexdef as def
      from pg_indexes i
     where i.schemaname = 'public' and i.tablename in ${sql(BIG_TABLES)}
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
  for (const r of rows) await sql.unsafe(`drop index "${r.name}"`);
  // Primary keys too: random md5 uuids would make every insert a random b-tree page write;
  // one sorted build at the end is several times cheaper.
  // Foreign keys (members → users) go first and come back last, checked once over the whole table.
  const constraints = await sql<{ table: string; name: string; def: string; type: string }[]>`
    select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as def, c.contype::text as type
      from pg_constraint c
     where (c.contype = 'p' and c.conrelid::regclass::text in ${sql(BIG_TABLES)})
        or (c.contype = 'f' and (c.conrelid::regclass::text in ${sql(BIG_TABLES)} or c.confrelid::regclass::text in ${sql(BIG_TABLES)}))
     order by c.contype`;
  for (const c of constraints) await sql.unsafe(`alter table ${c.table} drop constraint "${c.name}"`);
  const add = (type: string) => constraints.filter((c) => c.type === type).map((c) => `alter table ${c.table} add constraint "${c.name}" ${c.def}`);
  return { keys: add("p"), indexes: rows.map((r) => r.def), foreign: add("f") };
}

const cats = "(array['tea','coffee','kitchen','electronics','bags','coupons','privileges','books','outdoor','home','beauty','kids'])[1 + g % 12]";

function forestTasks(): Task[] {
  return chunks("members + forest", N, (a, b) => [
    `insert into users (id, email, name, roles, created_at, updated_at)
     select ${member("g")}, 'member' || g || '@scale.test', '会员' || g,
            case when g % 20 = 0 then '{member,distributor}'::text[] else '{member}'::text[] end, ${join}, ${join}
       from generate_series(${a}::bigint, ${b}) g`,
    // Tiers: ~75 % regular, 20 % silver, 5 % gold.
    `insert into members (id, external_id, tier_code, referrer_id, created_at)
     select ${member("g")}, 'CRM' || g,
            case when (g * 31) % 20 = 0 then 'gold' when (g * 31) % 20 < 5 then 'silver' else 'regular' end,
            case when pg_temp.seed_parent(g) is not null then ${member("pg_temp.seed_parent(g)")} end, ${join}
       from generate_series(${a}::bigint, ${b}) g`,
    `insert into distributors (member_id, code, level_code, status, created_at)
     select ${member("g")}, 'JF' || lpad(upper(to_hex(g / 20)), 6, '0'), 'junior', 'active', ${join}
       from generate_series(${a}::bigint, ${b}) g where g % 20 = 0`,
    // The closure rows: the whole chain of referrers of each member, one row per ancestor. Referrers
    // are distributors, whose own referrers come from the small seed_scale_parent table (hash joins, no recursion).
    `insert into referral_paths (ancestor_id, descendant_id, depth)
     select ${member("x.anc")}, ${member("p1.g")}, x.depth
       from (select g, pg_temp.seed_parent(g) p from generate_series(${a}::bigint, ${b}) g) p1
       left join seed_scale_parent p2 on p2.child = p1.p
       left join seed_scale_parent p3 on p3.child = p2.parent
       left join seed_scale_parent p4 on p4.child = p3.parent
       left join seed_scale_parent p5 on p5.child = p4.parent
       left join seed_scale_parent p6 on p6.child = p5.parent
      cross join lateral (values (p1.p, 1), (p2.parent, 2), (p3.parent, 3), (p4.parent, 4), (p5.parent, 5), (p6.parent, 6)) x(anc, depth)
      where x.anc is not null`,
  ]);
}

function rewardTasks(): Task[] {
  const zh = "(array['明前龙井','挂耳咖啡','陶瓷马克杯','蓝牙耳机','双肩背包','满减优惠券','会员权益','精装图书','折叠雨伞','纯棉毛巾','香氛礼盒','儿童绘本'])[1 + g % 12]";
  const en = "(array['Longjing tea','Drip coffee','Ceramic mug','Bluetooth headphones','Backpack','Money-off coupon','Member privilege','Hardcover book','Folding umbrella','Cotton towel','Fragrance set','Picture book'])[1 + g % 12]";
  // Every reward is older than every member (so no redemption predates its reward).
  const rts = `(${NOW} - interval '400 days' + (g % 30) * interval '1 day' + g * interval '1 second')`;
  // redeemed_count and the stock movements are written after the redemptions (stock phase).
  return [{
    phase: "rewards",
    label: `rewards: ${REWARDS.toLocaleString("en")}`,
    statements: [
      `insert into rewards (id, sku, name, name_en, description, description_en, terms, type, category, points_price, stock, per_member_limit,
                            tier_codes, active, flash, starts_at, ends_at, coupon_source, coupon_pattern, coupon_valid_days, redeemed_count, created_at, updated_at)
       select md5('reward-' || g)::uuid, 'SCALE-' || lpad(g::text, 5, '0'), ${zh} || ' ' || g || '号', ${en} || ' #' || g,
              '奖品说明 ' || g, 'About reward ' || g, '每人限兑，兑换后不退不换。',
              case when g % 12 = 5 then 'coupon' when g % 12 = 6 then 'virtual' else 'physical' end,
              ${cats}, 100 * (1 + (g::bigint * 37) % 300),
              case when g % 4 = 0 then null when g % 50 = 1 then 0 else 1 + (g::bigint * 13) % 500 end,
              case when g % 7 = 0 then 2 else null end,
              case when g % 40 = 0 then '{gold}'::text[] when g % 40 = 1 then '{silver,gold}'::text[] else '{}'::text[] end,
              g % 25 <> 0, g % 100 = 3,
              case when g % 100 = 3 then ${NOW} - interval '1 day' else null end,
              case when g % 100 = 3 then ${NOW} + interval '6 days' else null end,
              case when g % 12 = 5 then 'pattern' else null end, case when g % 12 = 5 then 'JF-XXXX-9999' else null end, case when g % 12 = 5 then 30 else null end,
              0, ${rts}, ${rts}
         from generate_series(1, ${REWARDS}) g`,
    ],
  }];
}

function ledgerTasks(): Task[] {
  return chunks("ledger + orders + redemptions", N, (a, b) => [
    `drop table if exists s_lot`,
    // Each figure computed once per row (the `offset 0` subqueries keep Postgres from inlining
    // the long time expressions into every place they are used).
    `create temp table s_lot as
     select g, i, o, ${member("g")} m, md5('lot-' || g || '-' || i)::uuid lot_id, md5('earn-' || g || '-' || i)::uuid entry_id,
            amount,
            case when i = 1 and g % 3 = 0 then 0
                 when i = 2 then 0
                 when i = 3 then amount - amount / 2
                 when i = 4 and g % 20 = 7 then amount - ${reversed4.replaceAll(amount("4"), "amount")}
                 else amount end remaining,
            t created_at,
            -- The recent order's points wait out the 7-day return window.
            case when i = o and g % 4 = 0 then t + interval '7 days' else t end available_at,
            case when i = 1 then (case when g % 3 = 2 then null else t + interval '45 days' end)
                 when i % 3 = 0 then null
                 else t + interval '365 days' end expires_at,
            case when i = 1 and g % 3 = 0 then t + interval '45 days' end expired_at
       from (select g, i, e, o, ${amount("i")} amount,
                    case when g % 4 = 0 and i = o then ${recentAt} else j + (${NOW} - j) * (i::float8 / (e + 2)) end t
               from (select g, ${lots} e, ${orderLot} o, ${join} j from generate_series(${a}::bigint, ${b}) g offset 0) m
              cross join lateral generate_series(1, e) i offset 0) x`,
    `insert into point_lots (id, member_id, entry_id, amount, remaining, available_at, expires_at, expired_at, created_at)
     select lot_id, m, entry_id, amount, remaining, available_at, expires_at, expired_at, created_at from s_lot`,
    // Every entry with its effect on the available balance (a pending earn adds nothing yet).
    `drop table if exists s_entry`,
    `create temp table s_entry as
     select g, entry_id id, m, 'earn'::ledger_entry_type type, amount points,
            case when available_at > created_at then 0 else amount end effect,
            case when i = 1 then 'sign-up bonus' when i = o then 'order' else (array['daily check-in','review','campaign','birthday'])[1 + (g + i) % 4] end reason,
            case when i = o then md5('order-' || g)::uuid end order_id, null::uuid redemption_id, null::uuid refund_id, created_at
       from s_lot
     union all
     select g, md5('spend-' || g)::uuid, ${member("g")}, 'spend', -${spendPoints}, -${spendPoints},
            case when g % 10 = 3 then 'redemption' else 'points used' end,
            null, case when g % 10 = 3 then md5('redemption-' || g)::uuid end, null, ${spendAt}
       from generate_series(${a}::bigint, ${b}) g
     union all
     select g, md5('reverse-' || g)::uuid, ${member("g")}, 'reverse', -${reversed4}, -${reversed4}, 'refund',
            md5('order-' || g)::uuid, null, md5('refund-' || g)::uuid, ${refundAt}
       from generate_series(${a}::bigint, ${b}) g where g % 20 = 7
     union all
     select g, md5('expire-' || g)::uuid, ${member("g")}, 'expire', -${amount("1")}, -${amount("1")}, 'points expired', null, null, null, ${expiry1}
       from generate_series(${a}::bigint, ${b}) g where g % 3 = 0`,
    // balanceAfter: the running available balance; an unswept lot 1 (g%3=1) leaves it once expired.
    `insert into point_entries (id, member_id, type, points, balance_after, reason, actor, order_id, redemption_id, refund_id, created_at)
     select id, m, type, points,
            sum(effect) over (partition by g order by created_at, id)
              - case when g % 3 = 1 and created_at >= ${expiry1} then ${amount("1")} else 0 end,
            reason, 'seed:scale', order_id, redemption_id, refund_id, created_at
       from s_entry`,
    `insert into point_allocations (entry_id, lot_id, member_id, points)
     select md5('spend-' || g)::uuid, md5('lot-' || g || '-2')::uuid, m, amount from s_lot where i = 2
     union all
     select md5('spend-' || g)::uuid, md5('lot-' || g || '-3')::uuid, m, amount / 2 from s_lot where i = 3
     union all
     select md5('reverse-' || g)::uuid, lot_id, m, amount - remaining from s_lot where i = 4 and g % 20 = 7
     union all
     select md5('expire-' || g)::uuid, lot_id, m, amount from s_lot where i = 1 and g % 3 = 0`,
    `insert into point_balances (member_id, available, pending, lifetime_earned, debt, next_change_at, updated_at)
     select m,
            coalesce(sum(remaining) filter (where available_at <= ${NOW} and (expires_at is null or expires_at > ${NOW})), 0),
            coalesce(sum(remaining) filter (where available_at > ${NOW} and (expires_at is null or expires_at > ${NOW})), 0),
            sum(amount), 0,
            least(min(available_at) filter (where available_at > ${NOW} and remaining > 0),
                  min(expires_at) filter (where expires_at > ${NOW} and remaining > 0)),
            ${NOW}
       from s_lot group by m`,
    // One order per member (its earn is lot O): two lines (60 % + 40 %), 1 point per yuan, with
    // the buyer's upline (≤ 3 ancestors, nearest first) as it was when the order was placed.
    `insert into orders (id, external_id, member_id, placed_at, currency, goods_cents, discount_cents, shipping_cents, paid_cents,
                         earning_base_cents, refunded_cents, points_awarded, points_reversed, earn_lot_id, upline_snapshot, source, created_at)
     select md5('order-' || g)::uuid, 'SO-' || g, ${member("g")}, ${placedAt}, 'CNY', ${orderAmount} * 100, 0, 0, ${orderAmount} * 100,
            ${orderAmount} * 100, case when g % 20 = 7 then ${refundedCents} else 0 end, ${orderAmount},
            case when g % 20 = 7 then ${reversed4} else 0 end, md5('lot-' || g || '-' || ${orderLot})::uuid,
            array_remove(array[${member("p1")}, ${member("u2.parent")}, ${member("u3.parent")}], null), 'api', ${placedAt}
       from (select g, pg_temp.seed_parent(g) p1 from generate_series(${a}::bigint, ${b}) g) x
       left join seed_scale_parent u2 on u2.child = x.p1
       left join seed_scale_parent u3 on u3.child = u2.parent`,
    `insert into order_lines (order_id, line_no, member_id, sku, name, category, quantity, unit_price_cents, discount_cents, base_cents, refunded_quantity)
     select md5('order-' || g)::uuid, 1, ${member("g")}, 'SKU-' || (g % 500), '商品 ' || (g % 500), ${cats}, 1, ${orderAmount} * 60, 0, ${orderAmount} * 60,
            case when g % 40 = 27 then 1 else 0 end
       from generate_series(${a}::bigint, ${b}) g
     union all
     select md5('order-' || g)::uuid, 2, ${member("g")}, 'SKU-' || (g % 700 + 500), '商品 ' || (g % 700 + 500), ${cats}, 1, ${orderAmount} * 40, 0, ${orderAmount} * 40,
            case when g % 20 = 7 then 1 else 0 end
       from generate_series(${a}::bigint, ${b}) g`,
    `insert into refunds (id, order_id, member_id, amount_cents, items, reason, points_reversed, created_at)
     select md5('refund-' || g)::uuid, md5('order-' || g)::uuid, ${member("g")}, ${refundedCents},
            case when g % 40 = 27
                 then jsonb_build_array(jsonb_build_object('sku', 'SKU-' || (g % 500), 'quantity', 1), jsonb_build_object('sku', 'SKU-' || (g % 700 + 500), 'quantity', 1))
                 else jsonb_build_array(jsonb_build_object('sku', 'SKU-' || (g % 700 + 500), 'quantity', 1)) end,
            'customer return', ${reversed4}, ${refundAt}
       from generate_series(${a}::bigint, ${b}) g where g % 20 = 7`,
    `insert into redemptions (id, member_id, reward_id, quantity, unit_points, points_spent, spend_entry_id, status, source, created_at, updated_at)
     select md5('redemption-' || g)::uuid, ${member("g")}, md5('reward-' || ${rewardOf})::uuid, 1, ${spendPoints}, ${spendPoints},
            md5('spend-' || g)::uuid, case when g % 7 = 0 then 'shipped' else 'delivered' end, 'web', ${spendAt}, ${spendAt}
       from generate_series(${a}::bigint, ${b}) g where g % 10 = 3`,
  ]);
}

function commissionTasks(rules: { distributionRule: string; earningRule: string }): Task[] {
  // Per level: the commission of order g to its level-L upline, with its whole story as wallet moves.
  return chunks("commissions", N, (a, b) => [
    `drop table if exists s_comm`,
    `create temp table s_comm as
     select g, lvl, md5('commission-' || g || '-' || lvl)::uuid id, ${member("d")} distributor_id, md5('order-' || g)::uuid order_id,
            base, rate, base * rate / 10000 amount,
            case when g % 40 = 27 then base * rate / 10000 when g % 40 = 7 then (base * rate / 10000) * 40 / 100 else 0 end reversed,
            placed, placed + interval '14 days' available_at, refund_at,
            case when g % 100 = 0 then md5('risk-' || g || '-' || lvl)::uuid end held_by,
            -- Released on its date, unless it is still pending, held, or due but not swept yet (g%50=13).
            case when g % 4 = 0 or g % 50 = 13 then null else placed + interval '14 days' end released_at
       from (select g, p1, u2.parent p2, ${orderAmount} * 100 base, ${placedAt} placed, ${refundAt} refund_at
               from (select g, pg_temp.seed_parent(g) p1 from generate_series(${a}::bigint, ${b}) g) x
               left join seed_scale_parent u2 on u2.child = x.p1 offset 0) o
      cross join lateral (values (1, p1, 1000), (2, p2, 500)) l(lvl, d, rate)
      where d is not null`,
    `insert into commissions (id, distributor_id, order_id, buyer_id, level, base_cents, rate_bps, amount_cents, reversed_cents, status,
                              available_at, released_at, held_by_case_id, rule_version_ids, created_at)
     select id, distributor_id, order_id, ${member("g")}, lvl, base, rate, amount, reversed,
            case when reversed = amount then 'reversed' when released_at is not null then 'available' else 'pending' end,
            available_at, released_at, held_by, '{${rules.distributionRule},${rules.earningRule}}'::uuid[], placed
       from s_comm`,
    // An open risk case per held commission (one per distributor and buyer).
    `insert into risk_cases (id, distributor_id, buyer_id, signal, details, status, created_at)
     select held_by, distributor_id, ${member("g")}, 'shared-address', '{"seed": "scale"}'::jsonb, 'open', placed + interval '1 minute'
       from s_comm where held_by is not null`,
    `insert into seed_scale_moves (id, distributor_id, type, pending_delta, available_delta, commission_id, order_id, refund_id, reason, created_at)
     select md5('wc-' || id)::uuid, distributor_id, 'commission', amount, 0, id, order_id, null::uuid, 'order commission', placed from s_comm
     union all
     select md5('wp-' || id)::uuid, distributor_id, 'reversal', -reversed, 0, id, order_id, md5('refund-' || g)::uuid, 'order refunded', refund_at
       from s_comm where g % 40 = 7
     union all
     select md5('wr-' || id)::uuid, distributor_id, 'release', -(amount - case when g % 40 = 7 then reversed else 0 end),
            amount - case when g % 40 = 7 then reversed else 0 end, id, order_id, null, 'freed up', released_at
       from s_comm where released_at is not null
     union all
     select md5('wa-' || id)::uuid, distributor_id, 'reversal', 0, -reversed, id, order_id, md5('refund-' || g)::uuid, 'order refunded', refund_at
       from s_comm where g % 40 = 27`,
  ]);
}

/** Withdrawals, the wallet history with its running available figure, and the wallet rows. */
function walletStatements(rules: { distributionRule: string }): string[] {
  const hash = (col: string, byte: number) => `get_byte(decode(md5(${col}::text), 'hex'), ${byte})`;
  return [
    // A day before now, two wallets in three with ≥ ¥20 available asked to withdraw half of it; half
    // of the requests were paid two hours later, the rest are waiting for review.
    `insert into withdrawals (id, distributor_id, amount_cents, fee_cents, net_cents, status, payout_account, payout_reference, attempts,
                             rule_version_id, requested_at, reviewed_at, paid_at, updated_at)
     select md5('withdrawal-' || distributor_id)::uuid, distributor_id, amt, 0, amt,
            case when paid then 'approved' else 'requested' end,
            jsonb_build_object('method', 'alipay', 'account', 'dist-' || left(distributor_id::text, 8) || '@example.com'),
            case when paid then 'PAY-' || left(md5(distributor_id::text), 12) end, case when paid then 1 else 0 end,
            '${rules.distributionRule}'::uuid, req_at, case when paid then req_at + interval '2 hours' end, case when paid then req_at + interval '2 hours' end,
            case when paid then req_at + interval '2 hours' else req_at end
       from (select distributor_id, (sum(available_delta)::bigint / 200) * 100 amt, ${hash("distributor_id", 1)} % 2 = 0 paid,
                    ${NOW} - interval '1 day' + ${hash("distributor_id", 2)} * interval '1 minute' as req_at
               from seed_scale_moves group by distributor_id
             having sum(available_delta) >= 2000 and ${hash("distributor_id", 0)} % 3 <> 2) x`,
    `insert into seed_scale_moves (id, distributor_id, type, available_delta, withdrawing_delta, withdrawal_id, reason, created_at)
     select md5('ww-' || id)::uuid, distributor_id, 'withdrawal', -amount_cents, amount_cents, id, 'withdrawal requested', requested_at from withdrawals`,
    `insert into seed_scale_moves (id, distributor_id, type, withdrawing_delta, withdrawn_delta, withdrawal_id, reason, created_at)
     select md5('wd-' || id)::uuid, distributor_id, 'withdrawal-paid', -amount_cents, amount_cents, id, 'paid out', paid_at from withdrawals where status = 'approved'`,
    `insert into wallet_entries (id, distributor_id, type, pending_delta, available_delta, withdrawing_delta, withdrawn_delta, adjustment_delta,
                                available_after, commission_id, order_id, refund_id, withdrawal_id, reason, actor, created_at)
     select id, distributor_id, type::wallet_entry_type, pending_delta, available_delta, withdrawing_delta, withdrawn_delta, 0,
            sum(available_delta) over (partition by distributor_id order by created_at, id),
            commission_id, order_id, refund_id, withdrawal_id, reason, 'seed:scale', created_at
       from seed_scale_moves`,
    // nextReleaseAt: the earliest date among the wallet's releasable commissions (not held).
    `insert into distributor_wallets (distributor_id, pending_cents, available_cents, withdrawing_cents, withdrawn_cents, adjustment_cents, next_release_at, updated_at)
     select m.distributor_id, m.p, m.a, m.wg, m.wn, 0, c.next, ${NOW}
       from (select distributor_id, sum(pending_delta) p, sum(available_delta) a, sum(withdrawing_delta) wg, sum(withdrawn_delta) wn
               from seed_scale_moves group by distributor_id) m
       left join (select distributor_id, min(available_at) next from commissions
                   where released_at is null and status = 'pending' and held_by_case_id is null group by distributor_id) c using (distributor_id)`,
  ];
}

/** Stock as the mall keeps it: opening stock, then one movement per redemption; redeemedCount matches. */
const stockStatements = [
  `update rewards r set redeemed_count = x.n from (select reward_id, sum(quantity)::int n from redemptions group by reward_id) x where x.reward_id = r.id`,
  `insert into stock_movements (id, reward_id, delta, stock_after, reason, actor, created_at)
   select md5('opening-' || id)::uuid, id, stock + redeemed_count, stock + redeemed_count, 'opening stock', 'seed:scale', created_at
     from rewards where stock is not null and stock + redeemed_count > 0`,
  `insert into stock_movements (id, reward_id, delta, stock_after, reason, redemption_id, actor, created_at)
   select md5('stock-' || d.id)::uuid, d.reward_id, -d.quantity,
          r.stock + r.redeemed_count - sum(d.quantity) over (partition by d.reward_id order by d.created_at, d.id),
          'redemption', d.id, 'seed:scale', d.created_at
     from redemptions d join rewards r on r.id = d.reward_id where r.stock is not null`,
];

// ---------------------------------------------------------------- main

const rules = await prepare();
log(`seeding ${N.toLocaleString("en")} members (${DISTRIBUTORS.toLocaleString("en")} distributors, ${REWARDS.toLocaleString("en")} rewards), now = ${NOW_ISO}, chunks of ${CHUNK.toLocaleString("en")}, ${JOBS} connection(s), load average ${load()}`);
const rebuild = await dropSecondaryIndexes();
log(`dropped ${rebuild.keys.length + rebuild.indexes.length + rebuild.foreign.length} keys and indexes (rebuilt after the load)`);

await session(sql);
await serial("forest (referrers of the distributors)", [
  `drop table if exists seed_scale_parent`,
  `drop table if exists seed_scale_moves`,
  // Shared by the loading connections (a temp table would be per connection); unlogged: scratch data.
  `create unlogged table seed_scale_parent as
     select g child, pg_temp.seed_parent(g) parent from generate_series(20, ${N}, 20) g where pg_temp.seed_parent(g) is not null`,
  `alter table seed_scale_parent add primary key (child)`,
  `analyze seed_scale_parent`,
  `create unlogged table seed_scale_moves (id uuid, distributor_id uuid, type text, pending_delta bigint default 0, available_delta bigint default 0,
     withdrawing_delta bigint default 0, withdrawn_delta bigint default 0, commission_id uuid, order_id uuid, refund_id uuid, withdrawal_id uuid,
     reason text, created_at timestamptz)`,
]);

// Members, ledger and commissions are computed from g alone, so their chunks run in any order, on
// several connections at once. Interleaved so the connections do not all wait on the same table.
const members = forestTasks();
const ledger = ledgerTasks();
const comms = commissionTasks(rules);
const mixed: Task[] = [...rewardTasks()];
for (let i = 0; i < Math.max(members.length, ledger.length); i++) mixed.push(...[ledger[i], members[i], comms[i]].filter((t): t is Task => Boolean(t)));
await pool(mixed);

await pool([
  { phase: "stock movements", label: "stock movements", statements: stockStatements },
  { phase: "withdrawals + wallets", label: "withdrawals + wallets", statements: walletStatements(rules) },
]);

// Keys first (the indexes of a table are built in parallel by the connections), then the foreign keys.
const indexTasks = (phase: string, defs: string[]): Task[] =>
  defs.map((def) => ({ phase, label: `${phase}: ${def.match(/(?:INDEX|constraint) "?([^\s"]+)/)?.[1]}`, statements: [def] }));
await pool(indexTasks("primary keys", rebuild.keys));
await pool(indexTasks("indexes", rebuild.indexes));
await pool(indexTasks("foreign keys", rebuild.foreign));
// The leaderboard totals that commission writes keep up to date: one pass over the commissions, the
// same statement a restore uses, so `wallet:verify` (which checks them) passes on this data too.
{
  const t0 = performance.now();
  const h = openPostgres(URL_!, 1);
  try {
    const rows = await rebuildRankTotals(h.db);
    log(`leaderboard totals: ${rows.toLocaleString("en")} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await h.close();
  }
}
await serial("cleanup + analyze", [`drop table seed_scale_parent`, `drop table seed_scale_moves`, `analyze`]);

const counts = await sql<{ t: string; n: string }[]>`
  select 'members' t, count(*)::text n from members union all
  select 'distributors', count(*)::text from distributors union all
  select 'referral_paths', count(*)::text from referral_paths union all
  select 'point_entries', count(*)::text from point_entries union all
  select 'point_lots', count(*)::text from point_lots union all
  select 'point_allocations', count(*)::text from point_allocations union all
  select 'orders', count(*)::text from orders union all
  select 'order_lines', count(*)::text from order_lines union all
  select 'refunds', count(*)::text from refunds union all
  select 'rewards', count(*)::text from rewards union all
  select 'redemptions', count(*)::text from redemptions union all
  select 'stock_movements', count(*)::text from stock_movements union all
  select 'commissions', count(*)::text from commissions union all
  select 'wallet_entries', count(*)::text from wallet_entries union all
  select 'distributor_wallets', count(*)::text from distributor_wallets union all
  select 'withdrawals', count(*)::text from withdrawals union all
  select 'risk_cases', count(*)::text from risk_cases`;
const states = await sql<{ state: string; n: string }[]>`
  select case when held_by_case_id is not null then 'held'
              when status = 'reversed' then 'reversed (whole)'
              when reversed_cents > 0 then status || ', partly reversed'
              when released_at is null and available_at <= ${new Date(NOW_ISO).toISOString()}::timestamptz then 'due, not released yet'
              else status end state, count(*)::text n
    from commissions group by 1 order by 1`;
// The biggest teams (descendants at any depth): what bench:team --db should be pointed at.
const teams = await sql<{ code: string; n: string; l1: string; l2: string }[]>`
  select d.code, t.n::text, t.l1::text, t.l2::text
    from (select ancestor_id, count(*) n, count(*) filter (where depth = 1) l1, count(*) filter (where depth = 2) l2
            from referral_paths group by ancestor_id order by count(*) desc limit 3) t
    join distributors d on d.member_id = t.ancestor_id order by t.n desc`;
const [depth] = await sql<{ d: number }[]>`select max(depth) d from referral_paths`;

console.log("\n| table | rows |\n| --- | --: |");
for (const c of counts) console.log(`| ${c.t} | ${Number(c.n).toLocaleString("en")} |`);
console.log("\n| commission state | rows |\n| --- | --: |");
for (const s of states) console.log(`| ${s.state} | ${Number(s.n).toLocaleString("en")} |`);
console.log("\n| biggest teams | descendants | level 1 | level 2 |\n| --- | --: | --: | --: |");
for (const t of teams) console.log(`| ${t.code} | ${Number(t.n).toLocaleString("en")} | ${Number(t.l1).toLocaleString("en")} | ${Number(t.l2).toLocaleString("en")} |`);
console.log(`deepest path ${depth!.d}; for the team benchmark: npm run bench:team -- --db ${new URL(URL_).pathname.slice(1)} --distributor ${teams[0]?.code}`);
const total = (performance.now() - started) / 1000;
console.log(`\n| phase | wall s | busy s (all connections) |\n| --- | --: | --: |`);
for (const [name, p] of phases) console.log(`| ${name} | ${(p.wall / 1000).toFixed(1)} | ${(p.busy / 1000).toFixed(1)} |`);
console.log(`| total (with migrations and counts) | ${total.toFixed(1)} | |`);
log(`done; load average ${load()}`);
mkdirSync("bench/results", { recursive: true });
const file = `bench/results/seed-scale-${N}.json`;
writeFileSync(
  file,
  JSON.stringify(
    {
      members: N, jobs: JOBS, chunk: CHUNK, skew: SKEW, now: NOW_ISO, seconds: Math.round(total), loadAverageAtEnd: os.loadavg(),
      phases: Object.fromEntries([...phases].map(([k, p]) => [k, { wallSeconds: +(p.wall / 1000).toFixed(1), busySeconds: +(p.busy / 1000).toFixed(1) }])),
      rows: Object.fromEntries(counts.map((c) => [c.t, Number(c.n)])),
      commissionStates: Object.fromEntries(states.map((s) => [s.state, Number(s.n)])),
      biggestTeams: teams.map((t) => ({ code: t.code, descendants: Number(t.n), level1: Number(t.l1), level2: Number(t.l2) })),
      deepestPath: depth!.d,
    },
    null,
    2,
  ),
);
log(`written ${file}`);
await sql.end();

