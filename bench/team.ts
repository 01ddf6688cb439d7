// npm run bench:team [trees] — the team and dashboard queries of a distributor with 100k
// descendants, in a forest of `trees` such trees (default 10: 1M members, ~2.9M closure rows, ~1M
// orders and ~1.7M commissions over 90 days), built with generate_series on a fresh Postgres
// database (BENCH_PG, default the local server) and dropped afterwards. Each tree: a root with 100
// level-1 members, 10,000 at level 2 and 89,899 at level 3. Prints p50/p99 of each query over
// repeated runs, then EXPLAIN (ANALYZE, BUFFERS) of the statements behind them.
//
// npm run bench:team -- --db jifen_scale [--distributor JF000001] — the same timings on a database
// filled by `npm run seed:scale` (nothing is built or dropped): its distributor forest is skewed,
// and seed:scale prints its three biggest teams at the end. At 1M members (default --skew) they are
// JF000010 with 103,824 descendants and JF000001 with 98,328: pick one by its code.
import os from "node:os";
import { and, eq, inArray, sql, type SQLWrapper } from "drizzle-orm";
import postgres from "postgres";
import { openPostgres, rowsOf, setDatabase, type Executor } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { commissions, referralPaths } from "@/db/schema";
import { ensureDefaultRules } from "@/lib/rules/load-ruleset";
import { distributionRuleSchema } from "@/lib/rules/schema";

const server = (process.env.BENCH_PG ?? "postgres://postgres@127.0.0.1:5432").replace(/\/$/, "");
const argv = process.argv.slice(2);
const option = (k: string) => (argv.includes(`--${k}`) ? argv[argv.indexOf(`--${k}`) + 1] : undefined);
const existing = option("db");
const trees = Number(argv.find((a) => /^\d+$/.test(a)) ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const name = existing ?? process.env.BENCH_DB ?? `jifen_bench_team_${Date.now().toString(36)}`; // BENCH_DB: a name of your own on a shared server
const admin = postgres(`${server}/postgres`, { max: 1, onnotice: () => {} });
if (!existing) await admin.unsafe(`create database ${name}`);
const url = `${server}/${name}`;
const h = openPostgres(url, 4);
setDatabase(h);

const SIZE = 100_000; // members per tree, the root included
const uuid = (expr: string) => `('00000000-0000-7000-8000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`;
const idOf = (n: number) => `00000000-0000-7000-8000-${n.toString(16).padStart(12, "0")}`;
const run = (q: string) => h.db.execute(sql.raw(q));

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function time(label: string, f: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) await f(); // warm
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  console.log(`${label.padEnd(58)} p50 ${pct(ms, 50).toFixed(2).padStart(8)} ms   p99 ${pct(ms, 99).toFixed(2).padStart(8)} ms`);
}

try {
  if (!existing) await fill();

  const { teamMembers } = await import("@/lib/distribution/team");
  const { dashboardSummary, earningsSeries, attributedOrders, teamCounts } = await import("@/lib/distribution/dashboard");
  const { leaderboard } = await import("@/lib/distribution/leaderboard");
  const { levelProgress } = await import("@/lib/distribution/levels");
  // Built here: the first tree's root (100 / 10,000 / 89,899 descendants at depth 1 / 2 / 3) and a
  // level-2 member half-way down its list; on a seed:scale database, the distributor asked for.
  let D = idOf(1);
  let deepCursor = idOf(5_101);
  if (existing) {
    const code = option("distributor") ?? "JF000001";
    const [d] = rowsOf<{ id: string }>(await run(`select member_id::text id from distributors where code = '${code.replace(/'/g, "")}'`));
    if (!d) throw new Error(`no distributor ${code} in ${name}`);
    D = d.id;
    const [mid] = rowsOf<{ id: string }>(await run(`select descendant_id::text id from referral_paths where ancestor_id = '${D}' and depth = 2 order by descendant_id offset (select count(*) / 2 from referral_paths where ancestor_id = '${D}' and depth = 2) limit 1`));
    deepCursor = mid?.id ?? D;
    console.log(`${name}: distributor ${code} (${D})`);
  }
  const levels = distributionRuleSchema.parse({
    levels: [
      { code: "junior", name: { "zh-CN": "初级", en: "Junior" } },
      { code: "middle", name: { "zh-CN": "中级", en: "Middle" }, upgrade: { minTeamSize: 200_000, minTeamSalesCents: 1e12, periodDays: 30 } },
    ],
  }).levels;
  const c = teamCounts(D);
  console.log(`distributor ${D}: team ${JSON.stringify(await c)}`);
  await time("team page, level 1, first page (20)", () => teamMembers(D, 1));
  await time("team page, level 2, first page (20)", () => teamMembers(D, 2));
  await time("team page, level 2, deep page (keyset cursor)", () => teamMembers(D, 2, { after: deepCursor }));
  await time("team counts (level 1, level 2)", () => teamCounts(D));
  await time("dashboard summary (earnings, wallet, upcoming, counts)", () => dashboardSummary(D));
  await time("earnings series, 90 days", () => earningsSeries(D, { days: 90 }));
  await time("attributed orders, first 10", () => attributedOrders(D, { limit: 10 }));
  await time("level progress (team size capped, 30-day sales)", () => levelProgress(D, "junior", levels));
  await time("leaderboard, this week by commission (all distributors)", () => leaderboard(D, { period: "week", metric: "commission" }));
  await time("leaderboard, this month by sales (all distributors)", () => leaderboard(D, { period: "month", metric: "sales" }));
  await time("leaderboard, month by sales, viewer far down the board", () => leaderboard(idOf(5_000), { period: "month", metric: "sales" }));
  // The same board as it was computed before the totals (summing the month's commissions), same run.
  const { rankWindowStart } = await import("@/lib/distribution/rank-totals");
  const monthStart = rankWindowStart("month", new Date()).toISOString();
  const summed = sql`
    with totals as (
      select c.distributor_id, coalesce(sum(c.base_cents * (c.amount_cents - c.reversed_cents) / c.amount_cents) filter (where c.level = 1), 0) as cents
        from commissions c where c.created_at >= ${monthStart} and c.created_at <= ${new Date().toISOString()} group by c.distributor_id
    ), ranked as (
      select distributor_id, cents, rank() over (order by cents desc) as rank, row_number() over (order by cents desc, distributor_id) as pos from totals where cents > 0
    )
    select r.distributor_id, r.rank, r.cents, u.name, d.rank_anonymous, d.rank_hide_amounts
      from ranked r join distributors d on d.member_id = r.distributor_id left join users u on u.id = r.distributor_id
     where r.pos <= 10 or r.distributor_id = ${D}::uuid order by r.pos`;
  await time("(before) month by sales, summing the month's commissions", () => h.db.execute(summed));

  // EXPLAIN of what those run: raw statements are captured through an executor that explains them.
  const explain = async (label: string, q: SQLWrapper) => {
    const rows = rowsOf<{ "QUERY PLAN": string }>(await h.db.execute(sql`explain (analyze, buffers, costs off) ${q}`));
    console.log(`\n--- ${label}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  };
  const explaining = (label: string): Executor =>
    new Proxy(h.db, {
      get(target, prop, receiver) {
        if (prop === "execute") return (q: SQLWrapper) => explain(label, q).then(() => target.execute(q as never));
        return Reflect.get(target, prop, receiver) as unknown;
      },
    }) as Executor;
  await teamMembers(D, 2, { ex: explaining("team page, level 2, first page") });
  await teamMembers(D, 2, { after: deepCursor, ex: explaining("team page, level 2, deep page") });
  await explain("team counts", h.db.select({ depth: referralPaths.depth, n: sql<number>`count(*)::int` }).from(referralPaths).where(and(eq(referralPaths.ancestorId, D), inArray(referralPaths.depth, [1, 2]))).groupBy(referralPaths.depth));
  await explain("dashboard earnings (today / month / all time)", h.db.select({ all: sql`sum(${commissions.amountCents} - ${commissions.reversedCents})` }).from(commissions).where(eq(commissions.distributorId, D)));
  await earningsSeries(D, { days: 90, ex: explaining("earnings series, 90 days") });
  await levelProgress(D, "junior", levels, { ex: explaining("level metrics") });
  await leaderboard(D, { period: "month", metric: "sales", ex: explaining("leaderboard, month by sales") });
  await leaderboard(D, { period: "week", metric: "commission", ex: explaining("leaderboard, week by commission") });
  // A viewer far down the board: their rank counts the rows above them.
  await leaderboard(idOf(5_000), { period: "month", metric: "sales", ex: explaining("leaderboard, month by sales, viewer far down") });
  console.log(`\nnode ${process.version}; ${os.cpus().length} cores; load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}`);
} finally {
  await h.close();
  if (!existing) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}

async function fill(): Promise<void> {
  await runMigrations(h, url);
  await ensureDefaultRules(h.db);
  const t0 = performance.now();
  const total = trees * SIZE;
  // Member n (1-based) is in tree t = (n-1) / SIZE at position p = (n-1) % SIZE: 0 root, 1..100
  // level 1, 101..10100 level 2, the rest level 3.
  await run(`insert into users (id, email, name, created_at, updated_at) select ${uuid("n")}, 'm' || n || '@bench.test', 'Member ' || n, now() - (n % 700) * interval '1 day', now() from generate_series(1, ${total}) n`);
  await run(`insert into members (id, created_at) select ${uuid("n")}, now() - (n % 700) * interval '1 day' from generate_series(1, ${total}) n`);
  const node = `(select n, (n - 1) / ${SIZE} as t, (n - 1) % ${SIZE} as p from generate_series(1, ${total}) n) x`;
  const root = `x.t * ${SIZE} + 1`;
  const l1Of = (p: string) => `x.t * ${SIZE} + 2 + ((${p}) - 101) / 100`; // level-1 parent of a level-2 position
  const l2Of = `x.t * ${SIZE} + 102 + ((x.p - 10101) % 10000)`; // level-2 parent of a level-3 position
  await run(`
    insert into referral_paths (ancestor_id, descendant_id, depth)
    select ${uuid(root)}, ${uuid("x.n")}, 1 from ${node} where x.p between 1 and 100
    union all select ${uuid(root)}, ${uuid("x.n")}, 2 from ${node} where x.p between 101 and 10100
    union all select ${uuid(l1Of("x.p"))}, ${uuid("x.n")}, 1 from ${node} where x.p between 101 and 10100
    union all select ${uuid(root)}, ${uuid("x.n")}, 3 from ${node} where x.p > 10100
    union all select ${uuid(l1Of("101 + ((x.p - 10101) % 10000)"))}, ${uuid("x.n")}, 2 from ${node} where x.p > 10100
    union all select ${uuid(l2Of)}, ${uuid("x.n")}, 1 from ${node} where x.p > 10100`);
  await run(`update members m set referrer_id = rp.ancestor_id from referral_paths rp where rp.descendant_id = m.id and rp.depth = 1`);
  // Roots, level-1 and level-2 members are distributors.
  await run(`insert into distributors (member_id, code, level_code, created_at) select ${uuid("n")}, 'D' || n, 'junior', now() from generate_series(1, ${total}) n where (n - 1) % ${SIZE} <= 10100`);
  await run(`insert into distributor_wallets (distributor_id, updated_at) select member_id, now() from distributors`);
  // One order per member over the last 90 days; every 10th partly refunded.
  await run(`
    insert into orders (id, external_id, member_id, placed_at, currency, goods_cents, discount_cents, shipping_cents, paid_cents, refunded_cents, earning_base_cents, points_awarded, created_at)
    select ${uuid(`n + ${total}`)}, 'B-' || n, ${uuid("n")}, now() - ((n % 8999)::float8 / 100) * interval '1 day', 'CNY', 10000 + n % 9000, 0, 0, 10000 + n % 9000,
           case when n % 10 = 0 then 3000 else 0 end, 10000 + n % 9000, 0, now() - ((n % 8999)::float8 / 100) * interval '1 day'
      from generate_series(1, ${total}) n where (n - 1) % ${SIZE} > 0`);
  // Commissions: 10 % to the level-1 upline, 5 % to level 2, on every order (refunds reversed in proportion).
  await run(`
    insert into commissions (id, distributor_id, order_id, buyer_id, level, base_cents, rate_bps, amount_cents, reversed_cents, status, available_at, released_at, rule_version_ids, created_at)
    select gen_random_uuid(), rp.ancestor_id, o.id, o.member_id, rp.depth, o.earning_base_cents, case rp.depth when 1 then 1000 else 500 end,
           o.earning_base_cents * case rp.depth when 1 then 1000 else 500 end / 10000,
           o.refunded_cents * case rp.depth when 1 then 1000 else 500 end / 10000,
           'pending', o.placed_at + interval '14 days', null, '{}'::uuid[], o.placed_at
      from orders o join referral_paths rp on rp.descendant_id = o.member_id and rp.depth <= 2`);
  // The leaderboard totals the commission transactions keep: built here in one pass, as after a restore.
  const tr = performance.now();
  const { rebuildRankTotals } = await import("@/lib/distribution/rank-totals");
  const totals = await rebuildRankTotals(h.db);
  console.log(`rank totals: ${totals.toLocaleString("en")} rows (distributor × week/month) rebuilt in ${((performance.now() - tr) / 1000).toFixed(1)}s`);
  await run(`vacuum analyze`);
  const counts = rowsOf<{ members: number; paths: number; orders: number; commissions: number }>(
    await run(`select (select count(*)::int from members) members, (select count(*)::int from referral_paths) paths, (select count(*)::int from orders) orders, (select count(*)::int from commissions) commissions`),
  )[0]!;
  console.log(`filled ${counts.members.toLocaleString("en")} members, ${counts.paths.toLocaleString("en")} closure rows, ${counts.orders.toLocaleString("en")} orders, ${counts.commissions.toLocaleString("en")} commissions in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
}
