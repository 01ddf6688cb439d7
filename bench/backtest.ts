// npm run bench:backtest [orders] — a 90-day backtest over generated orders (default 1,000,000 on
// 100k members, two lines each, an earn entry per order carrying the tier it earned with), through
// the real runBacktest on a fresh Postgres database (BENCH_PG, default the local server). Prints the
// time to fill, the backtest's wall time and orders/s. --batch=<n> and --prefetch=<n> override the batch size and the batches read ahead.
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openPostgres, rowsOf, setDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { users } from "@/db/schema";
import { newId } from "@/lib/ids";
import { ensureDefaultRules } from "@/lib/rules/load-ruleset";
import { earningRuleSchema } from "@/lib/rules/schema";

const server = (process.env.BENCH_PG ?? "postgres://postgres@127.0.0.1:5432").replace(/\/$/, "");
const orderCount = Number(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? 1_000_000);
const memberCount = Math.max(1, Math.round(orderCount / 10));
// --db=<name>: the database to create (default a fresh jifen_backtest_<time>); --keep keeps it;
// --reuse=<name> runs the backtest again on a kept one (no fill).
const reuse = process.argv.find((a) => a.startsWith("--reuse="))?.slice("--reuse=".length);
const keep = process.argv.includes("--keep") || Boolean(reuse);
const name = reuse ?? process.argv.find((a) => a.startsWith("--db="))?.slice("--db=".length) ?? `jifen_backtest_${Date.now().toString(36)}`;
const admin = postgres(`${server}/postgres`, { max: 1, onnotice: () => {} });
if (!reuse) await admin.unsafe(`create database ${name}`);
const url = `${server}/${name}`;
const h = openPostgres(url, 4);
setDatabase(h);
try {
  console.log(`load average at start ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  await runMigrations(h, url);
  if (!reuse) await fill();
  const { startBacktest } = await import("@/lib/rules/admin/start-backtest");
  const { runBacktest } = await import("@/lib/rules/admin/run-backtest");
  const adminId = newId();
  await h.db.insert(users).values({ id: adminId, email: `bench-admin-${adminId}@bench.test`, roles: ["admin"], createdAt: new Date(), updatedAt: new Date() });
  const run = await startBacktest({ ruleKey: "earning", definition: earningRuleSchema.parse({ pointsPerUnit: 2, categoryMultipliersBps: { tea: 15_000 } }), days: 90 }, { userId: adminId });
  const t1 = performance.now();
  const batch = process.argv.find((a) => a.startsWith("--batch="))?.slice("--batch=".length);
  const prefetch = process.argv.find((a) => a.startsWith("--prefetch="))?.slice("--prefetch=".length);
  const done = await runBacktest(run.id, { ...(batch ? { batchSize: Number(batch) } : {}), ...(prefetch ? { prefetch: Number(prefetch) } : {}) });
  const seconds = (performance.now() - t1) / 1000;
  const r = done.results as { orders: number; before: number; after: number; mismatches: number; commission: { before: number; after: number } };
  console.log(`backtest (earning draft, 90 days): ${done.status}, ${r.orders.toLocaleString("en")} orders in ${seconds.toFixed(1)}s = ${Math.round(r.orders / seconds).toLocaleString("en")} orders/s`);
  console.log(`points before ${r.before.toLocaleString("en")} → after ${r.after.toLocaleString("en")}; commission before ${r.commission.before} → after ${r.commission.after}`);
  const [load] = rowsOf<{ v: string }>(await h.db.execute(sql`select version() v`));
  console.log(`${load?.v.split(",")[0]}; node ${process.version}; load average ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")}`);
} finally {
  await h.close();
  if (!keep) await admin.unsafe(`drop database if exists ${name} with (force)`);
  else console.log(`kept database ${name}`);
  await admin.end();
}

async function fill() {
  await ensureDefaultRules(h.db);
  const t0 = performance.now();
  const uuid = (expr: string) => `('00000000-0000-4000-8000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`;
  await h.db.execute(sql.raw(`insert into users (id, email, created_at, updated_at) select ${uuid("m")}, 'bt' || m || '@bench.test', now(), now() from generate_series(1, ${memberCount}) m`));
  await h.db.execute(
    sql.raw(`insert into members (id, tier_code, created_at) select ${uuid("m")}, case when m % 10 = 0 then 'gold' when m % 3 = 0 then 'silver' else 'regular' end, now() from generate_series(1, ${memberCount}) m`),
  );
  await h.db.execute(
    sql.raw(`
    insert into orders (id, external_id, member_id, placed_at, currency, goods_cents, discount_cents, shipping_cents, paid_cents, earning_base_cents, points_awarded, created_at)
    select gen_random_uuid(), 'BT-' || o, ${uuid(`1 + o % ${memberCount}`)}, now() - ((o::float8 / ${orderCount}) * interval '89 days') - interval '1 minute',
           'CNY', 2 * (1000 + o % 9000) + 1999, 100, 800, 2 * (1000 + o % 9000) + 1999 - 100 + 800, 2 * (1000 + o % 9000) + 1999 - 100, 1 + (2 * (1000 + o % 9000) + 1899) / 100, now()
      from generate_series(1, ${orderCount}) o`),
  );
  await h.db.execute(
    sql.raw(`
    insert into order_lines (order_id, line_no, member_id, sku, category, quantity, unit_price_cents, discount_cents, base_cents)
    select o.id, l, o.member_id, case when l = 1 then 'TEA-' || (o.goods_cents % 50) else 'CUP-1' end, case when l = 1 then 'tea' else 'ware' end,
           case when l = 1 then 2 else 1 end, case when l = 1 then (o.goods_cents - 1999) / 2 else 1999 end, case when l = 1 then 100 else 0 end, 0
      from orders o, generate_series(1, 2) l`),
  );
  await h.db.execute(
    sql.raw(`
    insert into point_entries (id, member_id, type, points, balance_after, reason, actor, order_id, explanation, created_at)
    select gen_random_uuid(), o.member_id, 'earn', o.points_awarded, 0, 'order:' || o.external_id, 'bench', o.id, jsonb_build_object('kind', 'order', 'tier', jsonb_build_object('code', m.tier_code)), o.created_at
      from orders o join members m on m.id = o.member_id`),
  );
  await h.db.execute(sql.raw(`analyze`));
  console.log(`filled ${orderCount.toLocaleString("en")} orders (${(2 * orderCount).toLocaleString("en")} lines, ${memberCount.toLocaleString("en")} members) in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
}
