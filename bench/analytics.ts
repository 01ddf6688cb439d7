// npm run bench:analytics [members] [entries] — the analytics dashboard on a year of generated data
// (default 1,000,000 members and 10,000,000 ledger entries, plus orders, commissions, redemptions
// and tier moves in proportion) on a fresh Postgres database (BENCH_PG, default the local server;
// dropped at the end unless --keep). Prints the fill time, the full rollup build, and the
// dashboard's server time p50/p99 — the lazy refresh of today plus every query the page runs —
// for the 365-, 90- and 30-day presets.
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openPostgres, setDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { ensureDefaultRules } from "@/lib/rules/load-ruleset";

const server = (process.env.BENCH_PG ?? "postgres://postgres@127.0.0.1:5432").replace(/\/$/, "");
const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const memberCount = Number(args[0] ?? 1_000_000);
const entryCount = Number(args[1] ?? 10_000_000);
const orderCount = Math.round(entryCount / 5);
// --reuse=<database>: measure the dashboard again on a database kept by an earlier --keep run.
const reuse = process.argv.find((a) => a.startsWith("--reuse="))?.slice("--reuse=".length);
const keep = process.argv.includes("--keep") || Boolean(reuse);
const name = reuse ?? `jifen_bench_analytics_${Date.now().toString(36)}`;
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
  if (!reuse) await fill();
  const { refreshRollups } = await import("@/lib/admin/analytics/refresh-rollups");
  const { loadDashboard } = await import("@/lib/admin/analytics/dashboard");
  const { parseRange } = await import("@/lib/admin/analytics/range");
  const { localDay } = await import("@/lib/admin/analytics/refresh-rollups");
  const { now } = await import("@/lib/clock");
  const t1 = performance.now();
  const full = await refreshRollups({ full: !reuse });
  console.log(`${reuse ? "incremental" : "full"} rollup build: ${full.days.length} days in ${seconds(t1)}s`);



  const pct = (xs: number[], p: number) => {
    const sorted = xs.slice(5).sort((a, b) => a - b); // the first few warm caches and the parsed ruleset
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1);
  };
  for (const preset of ["365", "90", "30"]) {
    const queries: number[] = [];
    const withRefresh: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await loadDashboard(parseRange({ range: preset }, localDay(now())));
      queries.push(performance.now() - t);
    }
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      await refreshRollups({ wait: false });
      await loadDashboard(parseRange({ range: preset }, localDay(now())));
      withRefresh.push(performance.now() - t);
    }
    console.log(
      `dashboard ${preset.padStart(3)} days: queries p50 ${pct(queries, 50)} ms, p99 ${pct(queries, 99)} ms; ` +
        `with a lazy refresh of today (at most once a minute on the page) p50 ${pct(withRefresh, 50)} ms, p99 ${pct(withRefresh, 99)} ms`,
    );
  }
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
