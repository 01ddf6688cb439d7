// npm run bench:member-search — the admin member search at 1M members: fills a fresh Postgres
// database (1M users + members with names, emails and masked phones, 10k distributors) by
// generate_series, then EXPLAIN ANALYZEs the exact queries the page runs (memberSearchQuery) for
// each field, first page and next page. Expect one index range scan per search, milliseconds.
import postgres from "postgres";
import { openPostgres, setDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { memberSearchQuery, searchMembers, type MemberSearch } from "@/lib/admin-members/search-members";

const server = (process.env.BENCH_PG ?? "postgres://postgres@127.0.0.1:5432").replace(/\/$/, "");
const name = `jifen_msearch_${Date.now().toString(36)}`;
const count = Number(process.argv[2] ?? 1_000_000);
const admin = postgres(`${server}/postgres`, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = `${server}/${name}`;
const h = openPostgres(url, 2);
setDatabase(h);
const raw = postgres(url, { max: 1, onnotice: () => {} });
try {
  await runMigrations(h, url);
  const t0 = performance.now();
  const id = (v: string) => `('00000000-0000-4000-8000-' || lpad(to_hex(${v}), 12, '0'))::uuid`;
  await raw.unsafe(`insert into users (id, email, name, roles, created_at, updated_at)
    select ${id("m")}, 'member' || m || '@bench.test', (array['Wang','Li','Zhang','Liu','Chen','Yang','Zhao','Huang'])[1 + m % 8] || ' ' || m, '{member}', now(), now()
    from generate_series(1, ${count}) m`);
  await raw.unsafe(`insert into members (id, phone, tier_code, created_at)
    select ${id("m")}, '13' || (m % 10) || '****' || lpad((m % 10000)::text, 4, '0'), 'regular', now() - (m || ' seconds')::interval
    from generate_series(1, ${count}) m`);
  await raw.unsafe(`insert into distributors (member_id, code, created_at)
    select ${id("m * 100")}, 'D' || upper(to_hex(m * 7919)) || 'X', now() from generate_series(1, ${Math.floor(count / 100)}) m`);
  await raw.unsafe("analyze");
  console.log(`filled ${count} members in ${((performance.now() - t0) / 1000).toFixed(1)}s\n`);

  const cases: [string, MemberSearch][] = [
    ["newest (no query)", {}],
    ["email prefix 'member12345'", { q: "member12345" , field: "email" }],
    ["name prefix 'chen 1'", { q: "chen 1" }],
    ["phone last digits '0921'", { q: "0921" }],
    ["distributor code prefix 'D1'", { q: "D1", field: "code" }],
    ["member id", { q: "00000000-0000-4000-8000-000000001234" }],
  ];
  for (const [label, input] of cases) {
    const first = await searchMembers(input);
    for (const [page, q] of [["first page", input], ["next page", { ...input, cursor: first.nextCursor ?? undefined }]] as const) {
      if (page === "next page" && !first.nextCursor) continue;
      const { query } = memberSearchQuery(q);
      const { sql: text, params } = query.toSQL();
      const plan = await raw.unsafe(`explain (analyze, costs off, buffers off, timing on, summary on) ${text}`, params as never[]);
      console.log(`## ${label} — ${page} (field ${first.field}, ${first.rows.length} rows)\n${plan.map((r) => "  " + (r as Record<string, string>)["QUERY PLAN"]).join("\n")}\n`);
    }
  }
} finally {
  await raw.end();
  await h.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
