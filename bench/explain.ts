// npm run bench:explain — proves the member pages read by index at scale: fills a fresh Postgres
// database with 1M ledger entries (10k members × 100, with lots) using generate_series, then prints
// EXPLAIN ANALYZE for the balance read, the history page (first and a deep page) and the expiring
// list. Expect index scans and sub-millisecond timings regardless of the ledger's size.
import { sql } from "drizzle-orm";
import { openPostgres, rowsOf, setDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import postgres from "postgres";

const server = (process.env.BENCH_PG ?? "postgres://postgres@127.0.0.1:5432").replace(/\/$/, "");
const name = `jifen_explain_${Date.now().toString(36)}`;
const entriesPerMember = 100;
const memberCount = Number(process.argv[2] ?? 10_000);
const admin = postgres(`${server}/postgres`, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = `${server}/${name}`;
const h = openPostgres(url, 2);
setDatabase(h);
try {
  await runMigrations(h, url);
  const t0 = performance.now();
  await h.db.execute(sql.raw(`
    insert into point_entries (id, member_id, type, points, balance_after, reason, actor, created_at)
    select gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(m), 12, '0'))::uuid, 'earn', 10, 10 * e, 'bench', 'bench',
           now() - (e || ' hours')::interval
      from generate_series(1, ${memberCount}) m, generate_series(1, ${entriesPerMember}) e`));
  await h.db.execute(sql.raw(`
    insert into point_lots (id, member_id, entry_id, amount, remaining, available_at, expires_at, created_at)
    select gen_random_uuid(), member_id, id, 10, case when random() < 0.3 then 10 else 0 end, created_at, created_at + interval '365 days', created_at
      from point_entries`));
  await h.db.execute(sql.raw(`
    insert into point_balances (member_id, available, pending, lifetime_earned, debt, updated_at)
    select member_id, sum(remaining), 0, sum(amount), 0, now() from point_lots group by member_id`));
  await h.db.execute(sql.raw(`analyze`));
  const [{ n }] = rowsOf<{ n: string }>(await h.db.execute(sql`select count(*) n from point_entries`)) as [{ n: string }];
  console.log(`filled ${n} entries for ${memberCount} members in ${((performance.now() - t0) / 1000).toFixed(1)}s\n`);

  const member = "00000000-0000-4000-8000-000000001234";
  const queries: [string, string][] = [
    ["balance (member home)", `select * from point_balances where member_id = '${member}'`],
    ["history, first page", `select * from point_entries where member_id = '${member}' order by created_at desc, id desc limit 51`],
    ["history, a deep page", `select * from point_entries where member_id = '${member}' and (created_at, id) < (now() - interval '80 hours', 'ffffffff-ffff-ffff-ffff-ffffffffffff') order by created_at desc, id desc limit 51`],
    ["open lots (balance past nextChangeAt)", `select id, remaining, available_at, expires_at from point_lots where member_id = '${member}' and remaining > 0`],
    ["expiring soon", `select expires_at, sum(remaining) from point_lots where member_id = '${member}' and remaining > 0 and expires_at > now() and expires_at <= now() + interval '400 days' group by expires_at order by expires_at`],
  ];
  for (const [label, q] of queries) {
    const plan = rowsOf<{ "QUERY PLAN": string }>(await h.db.execute(sql.raw(`explain (analyze, buffers off, costs off, timing on, summary on) ${q}`)));
    console.log(`## ${label}\n${plan.map((r) => "  " + r["QUERY PLAN"]).join("\n")}\n`);
  }
} finally {
  await h.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
