// npm run bench:birthday-grants [-- <members>] — the scheduled birthday grant at merchant scale: a
// fresh Postgres database (BENCH_PG server, dropped afterwards) with N members (default 1M; 90 %
// with a birthday, 1 % frozen), EXPLAIN ANALYZE of the runner's queries for one day (the
// (birth month, birth day, id) index, keyset by id, skipping members already paid), then a timed
// run of a day-mode birthday grant, two runners at once, and the re-run (nothing left to pay).
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openPostgres, rowsOf, setDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { freezeClock } from "@/lib/clock";
import { ensureDefaultRules } from "@/lib/rules/load-ruleset";

const server = (process.env.BENCH_PG ?? "postgres://postgres@127.0.0.1:5432").replace(/\/$/, "");
const name = `jifen_grants_bench_${Date.now().toString(36)}`;
const N = Number(process.argv[2] ?? 1_000_000);
const admin = postgres(`${server}/postgres`, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = `${server}/${name}`;
const h = openPostgres(url, 4);
setDatabase(h);
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(2);
try {
  await runMigrations(h, url);
  freezeClock("2026-11-24T02:00:00Z"); // 10:00 in Asia/Shanghai: the run's day is 2026-11-24
  await ensureDefaultRules();
  const t0 = performance.now();
  await h.db.execute(sql.raw(`
    insert into users (id, email, name, roles, created_at, updated_at)
    select ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'm' || g || '@bench.test', '', '{member}', now(), now()
      from generate_series(1, ${N}) g`));
  await h.db.execute(sql.raw(`
    insert into members (id, tier_code, birthday, frozen_at, created_at)
    select ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, (array['regular','silver','gold'])[1 + g % 3],
           case when g % 10 = 0 then null else date '1950-01-01' + ((hashint4(g) & 2147483647) % 20000) end,
           case when g % 100 = 7 then now() end, now() - interval '400 days'
      from generate_series(1, ${N}) g`));
  await h.db.execute(sql.raw("analyze"));
  console.log(`filled ${N.toLocaleString("en")} members in ${seconds(t0)}s`);

  const { createScheduledGrant, scheduledGrantSchema } = await import("@/lib/scheduled-grants/manage");
  const { runDueGrants } = await import("@/lib/scheduled-grants/run-grants");
  const actor = { userId: "00000000-0000-4000-8000-000000000001", email: "bench@bench.test" };
  freezeClock("2026-11-23T02:00:00Z");
  const grant = await createScheduledGrant(scheduledGrantSchema.parse({ name: "Birthday", kind: "birthday", birthdayMode: "day", points: 100, reason: "Birthday gift 🎂" }), actor);
  freezeClock("2026-11-24T02:00:00Z");

  const q = (after: string) => `
    select id from members
     where birthday is not null and (extract(month from birthday)::int) = 11 and (extract(day from birthday)::int) = 24
       and id > '${after}'
       and not exists (select 1 from scheduled_grant_awards a where a.grant_id = '${grant.id}' and a.period = '2026' and a.member_id = members.id)
     order by id limit 500`;
  for (const [label, query] of [
    ["a day's birthdays, first batch", q("00000000-0000-0000-0000-000000000000")],
    ["a day's birthdays, a later batch (keyset)", q("00000000-0000-4000-8000-000000080000")],
    ["count for the progress bar", `select count(*) from members where birthday is not null and (extract(month from birthday)::int) = 11 and (extract(day from birthday)::int) = 24`],
  ] as const) {
    const plan = rowsOf<{ "QUERY PLAN": string }>(await h.db.execute(sql.raw(`explain (analyze, buffers off, costs off, timing on, summary on) ${query}`)));
    console.log(`## ${label}\n${plan.map((r) => "  " + r["QUERY PLAN"]).join("\n")}\n`);
  }

  let t = performance.now();
  const [a, b] = await Promise.all([runDueGrants(), runDueGrants()]);
  const paid = [...a, ...b].reduce((s, r) => s + r.granted, 0);
  const run1 = seconds(t);
  const [[check]] = [rowsOf<{ awards: number; entries: number; frozen: number }>(await h.db.execute(sql`select (select count(*)::int from scheduled_grant_awards) awards, (select count(*)::int from point_entries) entries, (select skipped_frozen from scheduled_grant_runs limit 1) frozen`))];
  console.log(`two runners at once: ${paid} members paid (${check!.awards} awards, ${check!.entries} ledger entries, ${check!.frozen} frozen skipped) in ${run1}s (${Math.round(paid / Number(run1))} awards/s)`);
  t = performance.now();
  const again = await (await import("@/lib/scheduled-grants/manage")).startRunNow(grant.id, actor);
  const { executeRun } = await import("@/lib/scheduled-grants/run-grants");
  const counts = await executeRun(again.grant, again.run, again.day);
  console.log(`run now again the same day: ${counts.granted} paid in ${seconds(t)}s`);
} finally {
  await h.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
