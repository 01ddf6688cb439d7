// npm run bench:analytics [members] [entries] — the analytics dashboard on a year of generated data
// (default 1,000,000 members and 10,000,000 ledger entries, plus orders, commissions, redemptions
// and tier moves in proportion) on a fresh Postgres database (BENCH_PG, default the local server;
// dropped at the end unless --keep). Prints the fill time, the full rollup build, the rollup sizes,
// and for the 365-, 90- and 30-day presets the dashboard's server time p50/p99 (every query the
// page runs, at once), each query's own time (one after another: where the time goes), and the
// time with the lazy refresh of today first. --reuse=<db> re-measures a kept database;
// --explain prints the 365-day plans.
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { loadavg } from "node:os";
import type { SQL } from "drizzle-orm";
import { openPostgres, rowsOf, setDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { ensureDefaultRules, loadRuleset } from "@/lib/rules/load-ruleset";

const server = (process.env.BENCH_PG ?? "postgres://postgres@127.0.0.1:5432").replace(/\/$/, "");
const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const memberCount = Number(args[0] ?? 1_000_000);
const entryCount = Number(args[1] ?? 10_000_000);
const orderCount = Math.round(entryCount / 5);
// --reuse=<database>: measure the dashboard again on a database kept by an earlier --keep run.
const reuse = process.argv.find((a) => a.startsWith("--reuse="))?.slice("--reuse=".length);
const keep = process.argv.includes("--keep") || Boolean(reuse);
// --explain: EXPLAIN (ANALYZE, BUFFERS) of every statement of the 365-day dashboard.
const explain = process.argv.includes("--explain");
const load = () => loadavg().map((x) => x.toFixed(1)).join(" ");
// --db=<name>: the database to create (default a fresh jifen_bench_analytics_<time>).
const name = reuse ?? process.argv.find((a) => a.startsWith("--db="))?.slice("--db=".length) ?? `jifen_bench_analytics_${Date.now().toString(36)}`;
const admin = postgres(`${server}/postgres`, { max: 1, onnotice: () => {} });
if (!reuse) await admin.unsafe(`create database ${name}`);
const url = `${server}/${name}`;
const h = openPostgres(url, 8);
setDatabase(h);
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1);
const run = async (label: string, q: string) => {
  const t = performance.now();
  await h.db.execute(sql.raw(q));
  console.log(`  ${label}: ${seconds(t)}s`);
};

try {
  console.log(`load average at start: ${load()}`);
  if (!reuse) await fill();
  else {
    await runMigrations(h, url); // a kept database gets the indexes and tables added since
    if (!process.argv.includes("--skip-analyze")) await run("analyze", "analyze");
  }
  const { refreshRollups, localDay } = await import("@/lib/admin/analytics/refresh-rollups");
  const { loadDashboard, dashboardQueries, runDashboardQuery } = await import("@/lib/admin/analytics/dashboard");
  const { parseRange } = await import("@/lib/admin/analytics/range");
  const { now } = await import("@/lib/clock");
  const t1 = performance.now();
  const full = await refreshRollups({ full: !reuse });
  console.log(`${reuse ? "incremental" : "full"} rollup build: ${full.days.length} days in ${seconds(t1)}s`);
  await run("analyze rollups", "analyze analytics_daily, analytics_daily_items, analytics_monthly_items");
  for (const table of ["analytics_daily_items", "analytics_monthly_items"]) {
    const counts = rowsOf<{ kind: string; n: string }>(await h.db.execute(sql.raw(`select kind, count(*)::text as n from ${table} group by kind order by kind`)));
    console.log(`  ${table}: ${counts.map((c) => `${c.kind} ${Number(c.n).toLocaleString("en")}`).join(", ")}`);
  }

  const pct = (xs: number[], p: number) => {
    const sorted = xs.slice(3).sort((a, b) => a - b); // the first few warm caches and the parsed ruleset
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1);
  };
  const timed = async (n: number, f: () => Promise<unknown>) => {
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await f();
      xs.push(performance.now() - t);
    }
    return xs;
  };
  for (const preset of ["365", "90", "30"]) {
    const range = parseRange({ range: preset }, localDay(now()));
    const queries = await timed(20, () => loadDashboard(range));
    console.log(`dashboard ${preset.padStart(3)} days (${range.from} … ${range.to}): server time p50 ${pct(queries, 50)} ms, p99 ${pct(queries, 99)} ms (all queries at once, pool of 8); load average ${load()}`);
    // Each statement alone, one after another: where the time goes.
    const named = Object.entries(dashboardQueries(range, now())).filter((e): e is [string, SQL] => e[1] !== null);
    if (preset === "365") {
      // What the monthly grain saves: the same top list summed from the daily items only.
      named.push([
        "topDistributors (daily items only, for comparison)",
        sql`select key, sum(count), sum(amount) from analytics_daily_items where kind = 'distributor' and day between ${range.from} and ${range.to} group by key order by sum(amount) desc, key limit 10`,
      ]);
      named.push([
        "topRewards (daily items only, for comparison)",
        sql`select key, sum(count), sum(amount) from analytics_daily_items where kind = 'reward' and day between ${range.from} and ${range.to} group by key order by sum(amount) desc, key limit 10`,
      ]);
    }
    for (const [label, q] of named) {
      const xs = await timed(9, () => runDashboardQuery(h.db, q));
      console.log(`  ${label.padEnd(16)} p50 ${pct(xs, 50).padStart(7)} ms  p99 ${pct(xs, 99).padStart(7)} ms`);
      if (explain && preset === "365") {
        const plan = rowsOf<Record<string, string>>(await h.db.execute(sql`explain (analyze, buffers) ${q}`));
        console.log(plan.map((r) => `      ${Object.values(r)[0]}`).join("\n"));
      }
    }
    const ruleset = await timed(9, () => loadRuleset(now(), h.db));
    console.log(`  ${"ruleset".padEnd(16)} p50 ${pct(ruleset, 50).padStart(7)} ms  p99 ${pct(ruleset, 99).padStart(7)} ms`);
    const withRefresh = await timed(9, async () => {
      await refreshRollups({ wait: false });
      await loadDashboard(range);
    });
    console.log(`  with a refresh of today first (the page does it at most once a minute): p50 ${pct(withRefresh, 50)} ms, p99 ${pct(withRefresh, 99)} ms`);
  }
  console.log(`load average at end: ${load()}`);
} finally {
  await h.close();
  if (!keep) await admin.unsafe(`drop database if exists ${name} with (force)`);
  else console.log(`kept database ${name}`);
  await admin.end();
}

async function fill() {
  await runMigrations(h, url);
  await ensureDefaultRules(h.db);
  const t0 = performance.now();
  const uuid = (expr: string) => `('00000000-0000-4000-8000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`;
  // Spread over the year ending now: row i of n lands at now() − (1 − i/n) × 365 days.
  const at = (i: string, n: number) => `now() - ((1 - ${i}::float8 / ${n}) * interval '365 days')`;
  const distributorCount = Math.max(1, Math.round(memberCount / 100));
  console.log(`filling ${memberCount.toLocaleString("en")} members, ${entryCount.toLocaleString("en")} ledger entries, ${orderCount.toLocaleString("en")} orders…`);
  await run("users", `insert into users (id, email, created_at, updated_at) select ${uuid("m")}, 'an' || m || '@bench.test', ${at("m", memberCount)}, now() from generate_series(1::bigint, ${memberCount}) m`);
  await run(
    "members",
    `insert into members (id, tier_code, referrer_id, created_at)
     select ${uuid("m")}, case when m % 10 = 0 then 'gold' when m % 3 = 0 then 'silver' else 'regular' end,
            case when m % 4 = 0 then ${uuid(`1 + m % ${distributorCount}`)} end, ${at("m", memberCount)}
       from generate_series(1::bigint, ${memberCount}) m`,
  );
  await run("distributors", `insert into distributors (member_id, code, created_at) select ${uuid("d")}, 'B' || d, now() - interval '400 days' from generate_series(1::bigint, ${distributorCount}) d`);
  await run(
    "tier_history",
    `insert into tier_history (id, member_id, from_code, to_code, reason, created_at)
     select gen_random_uuid(), ${uuid("m")}, 'regular', case when m % 10 = 0 then 'gold' else 'silver' end, 'bench', ${at("m", memberCount)} + interval '1 day'
       from generate_series(1::bigint, ${memberCount}) m where m % 3 = 0 or m % 10 = 0`,
  );
  await run(
    "orders",
    `insert into orders (id, external_id, member_id, placed_at, currency, goods_cents, discount_cents, shipping_cents, paid_cents, earning_base_cents, refunded_cents, points_awarded, upline_snapshot, created_at)
     select gen_random_uuid(), 'AN-' || o, ${uuid(`1 + (o * 7919) % ${memberCount}`)}, ${at("o", orderCount)}, 'CNY', 5000 + o % 20000, 0, 0, 5000 + o % 20000, 5000 + o % 20000,
            case when o % 50 = 0 then 1000 else 0 end, (5000 + o % 20000) / 100,
            case when o % 3 = 0 then array[${uuid(`1 + o % ${distributorCount}`)}] end, ${at("o", orderCount)}
       from generate_series(1::bigint, ${orderCount}) o`,
  );
  await run(
    "commissions",
    `insert into commissions (id, distributor_id, order_id, buyer_id, level, base_cents, amount_cents, reversed_cents, status, available_at, rule_version_ids, created_at)
     select gen_random_uuid(), o.upline_snapshot[1], o.id, o.member_id, 1, o.paid_cents, o.paid_cents / 10, case when o.refunded_cents > 0 then 100 else 0 end,
            'pending', o.created_at + interval '14 days', '{}', o.created_at
       from orders o where o.upline_snapshot is not null`,
  );
  // Before the sweep below: what "commissions now" costs when nothing ever released a commission
  // (every one of the year still unreleased) — the worst case the dashboard can meet.
  {
    await run("analyze commissions", "analyze commissions");
    const { dashboardQueries } = await import("@/lib/admin/analytics/dashboard");
    const q = dashboardQueries({ from: "2000-01-01", to: "2000-01-01", preset: null, days: 1 }, new Date()).commissionsNow;
    const xs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await h.db.execute(q);
      xs.push(performance.now() - t);
    }
    console.log(`  commissionsNow over a never-released backlog of every commission: best of 5 ${Math.min(...xs).toFixed(1)} ms`);
  }
  // What the sweep (or any wallet write) writes for commissions whose time has come: released,
  // their net in the wallet's available figure; the rest stay pending in the wallet.
  await run(
    "release due commissions (as the sweep would)",
    `update commissions set status = 'available', released_at = available_at where available_at <= now() and released_at is null`,
  );
  // Autovacuum would clean the updated rows' dead index entries before long; without it the partial
  // index of unreleased commissions still lists every one of them (measured: 3 s instead of ms).
  await run("vacuum commissions", "vacuum (analyze) commissions");
  await run(
    "distributor_wallets",
    `insert into distributor_wallets (distributor_id, pending_cents, available_cents, next_release_at, updated_at)
     select distributor_id, coalesce(sum(amount_cents - reversed_cents) filter (where released_at is null), 0),
            coalesce(sum(amount_cents - reversed_cents) filter (where released_at is not null), 0), min(available_at) filter (where released_at is null), now()
       from commissions group by distributor_id`,
  );
  await run("rewards", `insert into rewards (id, sku, name, type, points_price, created_at) select ${uuid("r")}, 'R-' || r, '奖品 ' || r, 'virtual', 100 + r, now() - interval '400 days' from generate_series(1::bigint, 1000) r`);
  const redemptionCount = Math.round(entryCount / 20);
  await run(
    "redemptions",
    `insert into redemptions (id, member_id, reward_id, quantity, points_spent, status, created_at, updated_at)
     select gen_random_uuid(), ${uuid(`1 + (x * 104729) % ${memberCount}`)}, ${uuid("1 + (x * x) % 1000")}, 1, 100 + (x * x) % 1000, 'delivered', ${at("x", redemptionCount)}, ${at("x", redemptionCount)}
       from generate_series(1::bigint, ${redemptionCount}) x`,
  );
  // The ledger: earn 70 %, spend 20 %, expire 5 %, reverse 2 %, adjust 2 %, restore 1 %.
  await run(
    "point_entries",
    `insert into point_entries (id, member_id, type, points, balance_after, reason, actor, created_at)
     select gen_random_uuid(), ${uuid(`1 + (e * 15485863::bigint) % ${memberCount}`)}, t.type::ledger_entry_type,
            case when t.type in ('spend', 'expire', 'reverse') then -(1 + e % 300) else 1 + e % 500 end, 0, 'bench', 'bench', ${at("e", entryCount)}
       from generate_series(1::bigint, ${entryCount}) e
       cross join lateral (select case when e % 100 < 70 then 'earn' when e % 100 < 90 then 'spend' when e % 100 < 95 then 'expire'
                                       when e % 100 < 97 then 'reverse' when e % 100 < 99 then 'adjust' else 'restore' end as type) t`,
  );
  await run("analyze", "analyze");
  console.log(`filled in ${seconds(t0)}s`);
}
