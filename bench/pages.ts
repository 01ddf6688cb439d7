// npm run bench:pages — server render speed of the member pages (issue 4, Performance): p50/p99
// latency and req/s of each page under autocannon, side by side with a static Next page on the same
// production server, plus the SQL queries of a page's first request and of each one after (a cached page
// sends none until it is rendered again). A script, not a test.
//
// Data: a Postgres database (default `jifen_bench_pages`) with 1M members (each with a ledger
// credit, lot and balance row), 10k rewards and 300k past redemptions, generated with
// `insert … select generate_series` and kept between runs (marked complete by a comment on the
// database; `--fresh` rebuilds it). One extra member, "bench member" (silver tier, points, a few
// real redemptions), is the one signed in: the session cookie is minted the way Auth.js does
// (an encrypted JWT with AUTH_SECRET), so no password round trip is needed.
//
//   npm run bench:pages -- [--seconds 10] [--rounds 5] [--connections 10] [--encoding identity] [--fresh] [--db jifen_bench_pages]
//
// Each page is measured in rounds, alternating with the static page (its ratio is the median of the
// rounds' ratios), so a change in the machine's load during the run moves both sides alike.
//
// Pages come from the PAGES table below; one that is not there yet shows its status (404) rather
// than failing the run.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import postgres from "postgres";
import { encode } from "next-auth/jwt";
import { adminSql, databaseExists, dbUrl, ensureBuild, startServer, type AppServer } from "./server";
import { cliOptions, loadAverage } from "../scripts/cli";

const args = cliOptions();
const SECONDS = Number(args.get("seconds") ?? 10);
const CONNECTIONS = Number(args.get("connections") ?? 10);
const PORT = Number(args.get("port") ?? 0); // 0: a free port picked by the OS
const DB = args.get("db") ?? "jifen_bench_pages";
const FRESH = args.get("fresh") === "true";
/** What the load generator accepts: a browser's "gzip, deflate, br" by default (Next compresses every page alike). */
const ENCODING = args.get("encoding") ?? "gzip, deflate, br";
const MEMBERS = 1_000_000;
const REWARDS = 10_000;
const REDEMPTIONS = 300_000;
const CHUNK = 100_000;
/** Bump when the generated data changes shape: an older database is rebuilt. */
const DATA_MARK = "jifen bench:pages data v1 (1M members, 10k rewards, 300k redemptions): complete";
const BENCH_EMAIL = "bench-member@bench.test";
const AUTH_SECRET = process.env.AUTH_SECRET ?? "bench-secret-0123456789abcdef";
const SESSION_COOKIE = "authjs.session-token"; // http: no __Secure- prefix

interface PageSpec {
  name: string;
  path: (ctx: { category: string; rewardId: string }) => string;
  /** The baseline that the others are compared with. */
  baseline?: boolean;
}

// The mall home, categories and reward pages are served from the cache (rendered once per language,
// app/[locale]/(catalogue)); what is personal on them comes from /api/mall/me, one request per page
// view, measured on its own rows — a page is only useful with it.
const PAGES: PageSpec[] = [
  { name: "static page", path: () => "/bench-static", baseline: true },
  { name: "member home", path: () => "/" },
  { name: "mall home", path: () => "/mall" },
  { name: "  + its /api/mall/me", path: () => "/api/mall/me?locale=zh-CN&shelves=1" },
  { name: "mall category", path: (c) => `/mall/c/${encodeURIComponent(c.category)}` },
  { name: "  + its /api/mall/me", path: () => "/api/mall/me?locale=zh-CN" },
  { name: "reward detail", path: (c) => `/mall/r/${c.rewardId}` },
  { name: "  + its /api/mall/me", path: (c) => `/api/mall/me?locale=zh-CN&reward=${c.rewardId}` },
  { name: "mall search", path: () => `/mall/search?q=${encodeURIComponent("茶")}` },
];

const baselineName = PAGES.find((p) => p.baseline)!.name;
const url = dbUrl(DB);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)}s`;

// ---------------------------------------------------------------- data

async function dataIsComplete(): Promise<boolean> {
  if (!(await databaseExists(DB))) return false;
  const c = postgres(`${dbUrl("postgres")}`, { max: 1, onnotice: () => {} });
  try {
    const [row] = await c`select shobj_description(oid, 'pg_database') as mark from pg_database where datname = ${DB}`;
    return row?.mark === DATA_MARK;
  } finally {
    await c.end();
  }
}

/** Runs `statement` for g in [from, to] chunk by chunk, printing progress. */
async function chunked(sql: postgres.Sql, label: string, total: number, statement: (from: number, to: number) => string) {
  const t = performance.now();
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    await sql.unsafe(statement(from, to));
    process.stdout.write(`\r  ${label}: ${to.toLocaleString("en")} / ${total.toLocaleString("en")}`);
  }
  process.stdout.write(`  (${((performance.now() - t) / 1000).toFixed(1)} s)\n`);
}

async function generate(sql: postgres.Sql) {
  await sql.unsafe("set synchronous_commit = off");
  const member = (g: string) => `md5('member-' || ${g})::uuid`;
  const ts = "(timestamptz '2025-01-01 00:00:00+00' + (g % 600) * interval '1 day' + (g % 86400) * interval '1 second')";
  const pts = "(100 + (g::bigint * 7919) % 30000)";
  await chunked(sql, "users + members", MEMBERS, (a, b) => `
    with u as (
      insert into users (id, email, name, roles, created_at, updated_at)
      select ${member("g")}, 'member' || g || '@bench.test', '会员' || g, '{member}', ${ts}, ${ts} from generate_series(${a}, ${b}) g
      returning id)
    insert into members (id, tier_code, created_at)
    select ${member("g")}, case when g % 20 = 0 then 'gold' when g % 5 = 0 then 'silver' else 'regular' end, ${ts} from generate_series(${a}, ${b}) g`);
  // One credit per member: the entry, its lot and the balance row agree (verifyLedger holds).
  await chunked(sql, "ledger (entry, lot, balance)", MEMBERS, (a, b) => `
    with e as (
      insert into point_entries (id, member_id, type, points, balance_after, reason, actor, created_at)
      select md5('entry-' || g)::uuid, ${member("g")}, 'earn', ${pts}, ${pts}, 'bench seed', 'bench', ${ts} from generate_series(${a}, ${b}) g
      returning id),
    l as (
      insert into point_lots (id, member_id, entry_id, amount, remaining, available_at, expires_at, created_at)
      select md5('lot-' || g)::uuid, ${member("g")}, md5('entry-' || g)::uuid, ${pts}, ${pts}, ${ts}, null, ${ts} from generate_series(${a}, ${b}) g
      returning id)
    insert into point_balances (member_id, available, pending, lifetime_earned, debt, updated_at)
    select ${member("g")}, ${pts}, 0, ${pts}, 0, ${ts} from generate_series(${a}, ${b}) g`);
  const cats = "(array['tea','coffee','kitchen','electronics','bags','coupons','privileges','books','outdoor','home','beauty','kids'])[1 + g % 12]";
  const zh = "(array['明前龙井','挂耳咖啡','陶瓷马克杯','蓝牙耳机','双肩背包','满减优惠券','会员权益','精装图书','折叠雨伞','纯棉毛巾','香氛礼盒','儿童绘本'])[1 + g % 12]";
  const en = "(array['Longjing tea','Drip coffee','Ceramic mug','Bluetooth headphones','Backpack','Money-off coupon','Member privilege','Hardcover book','Folding umbrella','Cotton towel','Fragrance set','Picture book'])[1 + g % 12]";
  const rts = "(timestamptz '2025-11-01 00:00:00+00' + (g % 365) * interval '1 day' + g * interval '1 second')";
  await chunked(sql, "rewards", REWARDS, (a, b) => `
    insert into rewards (id, sku, name, name_en, description, description_en, terms, type, category, points_price, stock, per_member_limit,
                         tier_codes, active, flash, starts_at, ends_at, coupon_source, coupon_pattern, coupon_valid_days, redeemed_count, created_at, updated_at)
    select md5('reward-' || g)::uuid, 'BENCH-' || lpad(g::text, 5, '0'), ${zh} || ' ' || g || '号', ${en} || ' #' || g,
           '奖品说明 ' || g, 'About reward ' || g, '每人限兑，兑换后不退不换。',
           case when g % 12 = 5 then 'coupon' when g % 12 = 6 then 'virtual' else 'physical' end,
           ${cats}, 100 * (1 + (g::bigint * 37) % 300),
           case when g % 4 = 0 then null when g % 50 = 1 then 0 else 1 + (g::bigint * 13) % 500 end,
           case when g % 7 = 0 then 2 else null end,
           case when g % 40 = 0 then '{gold}'::text[] when g % 40 = 1 then '{silver,gold}'::text[] else '{}'::text[] end,
           g % 25 <> 0, g % 100 = 3,
           case when g % 100 = 3 then now() - interval '1 day' else null end,
           case when g % 100 = 3 then now() + interval '6 days' else null end,
           case when g % 12 = 5 then 'pattern' else null end, case when g % 12 = 5 then 'JF-XXXX-9999' else null end, case when g % 12 = 5 then 30 else null end,
           (g::bigint * 7919) % 5000, ${rts}, ${rts}
      from generate_series(${a}, ${b}) g`);
  await sql.unsafe(`
    insert into stock_movements (id, reward_id, delta, stock_after, reason, actor, created_at)
    select md5('opening-' || id)::uuid, id, stock, stock, 'opening stock', 'bench', created_at from rewards where stock is not null and stock > 0`);
  // Past redemptions (delivered long ago; their points are already netted out of the credits above,
  // so the ledger stays balanced): they give the per-member and per-reward indexes real volume.
  await chunked(sql, "redemptions", REDEMPTIONS, (a, b) => `
    insert into redemptions (id, member_id, reward_id, quantity, unit_points, points_spent, status, source, created_at, updated_at)
    select md5('redemption-' || g)::uuid, ${member("(1 + (g::bigint * 104729) % " + MEMBERS + ")")}, md5('reward-' || (1 + (g * 7) % ${REWARDS}))::uuid,
           1, 100, 100, 'delivered', 'web', ${ts}, ${ts}
      from generate_series(${a}, ${b}) g`);
}

/** The signed-in member: silver, points in two lots (one expiring soon), three real redemptions. */
async function benchMember(): Promise<{ id: string; name: string }> {
  const { db, rowsOf } = await import("@/db/client");
  const { users, members } = await import("@/db/schema");
  const { eq, sql } = await import("drizzle-orm");
  const [existing] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, BENCH_EMAIL));
  if (existing) return existing;
  const { createMember } = await import("@/lib/members/create-member");
  const { credit } = await import("@/lib/points/ledger");
  const { redeemReward } = await import("@/lib/mall/redeem-reward");
  const m = await createMember({ email: BENCH_EMAIL, name: "压测会员" }, { actor: "bench" });
  await db.update(members).set({ tierCode: "silver" }).where(eq(members.id, m.id));
  const at = new Date();
  await db.transaction((tx) => credit(tx, { memberId: m.id, points: 8_000, type: "adjust", reason: "bench", actor: "bench", availableAt: at, expiresAt: new Date(at.getTime() + 30 * 86_400_000) }));
  await db.transaction((tx) => credit(tx, { memberId: m.id, points: 40_000, type: "adjust", reason: "bench", actor: "bench", availableAt: at, expiresAt: null }));
  const picks = rowsOf<{ id: string }>(
    await db.execute(sql`select id from rewards where active and category = 'tea' and cardinality(tier_codes) = 0 and (stock is null or stock > 5) and type = 'physical' order by redeemed_count desc limit 3`),
  );
  for (const r of picks) {
    await redeemReward({ memberId: m.id, rewardId: r.id, quantity: 1, source: "web", actor: "bench", shippingAddress: { recipient: "压测会员", phone: "13800000000", line1: "上海市浦东新区" } });
  }
  return { id: m.id, name: "压测会员" };
}

// ---------------------------------------------------------------- measuring

interface Measured {
  name: string;
  path: string;
  status: number;
  note: string;
  /** The first request on a fresh server: the render that a cached page then serves from the cache. */
  firstQueries: number | null;
  queries: number | null;
  queriesRange: string;
  /** One request at a time: the render itself, without queueing behind other requests. */
  soloP50Ms: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  rps: number | null;
  non2xx: number;
  errors: number;
}

async function get(base: string, path: string, cookie: string) {
  const res = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
  const body = await res.text();
  return { status: res.status, location: res.headers.get("location"), body };
}

/** The server's running total of queries once it stops moving (it logs at most every 25 ms, when it changed). */
async function settled(total: () => number): Promise<number> {
  let last = -1;
  while (last !== total()) {
    last = total();
    await sleep(100);
  }
  return last;
}

/** One request, and the queries it sent (requests go one at a time). */
async function counted(server: AppServer, total: () => number, path: string, cookie: string) {
  const before = await settled(total);
  const res = await get(server.base, path, cookie);
  return { res, queries: (await settled(total)) - before };
}

/** Queries per request once warm (a cached page: none until it is rendered again). */
async function countQueries(server: AppServer, total: () => number, path: string, cookie: string): Promise<number[]> {
  for (let i = 0; i < 2; i++) await get(server.base, path, cookie); // warm: caches, plans, lazy routes
  const counts: number[] = [];
  for (let i = 0; i < 5; i++) counts.push((await counted(server, total, path, cookie)).queries);
  return counts;
}

interface CannonResult {
  latency: { p50: number; p99: number };
  requests: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

function autocannon(target: string, cookie: string, seconds: number, connections = CONNECTIONS): Promise<CannonResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/autocannon", ["-j", "-c", String(connections), "-d", String(seconds), "-H", `cookie:${cookie}`, "-H", `accept-encoding:${ENCODING}`, target], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => {
      try {
        resolve(JSON.parse(out) as CannonResult);
      } catch {
        reject(new Error(`autocannon exited ${code}: ${err.slice(-500)}`));
      }
    });
  });
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

// ---------------------------------------------------------------- main

ensureBuild();
if (FRESH || !(await dataIsComplete())) {
  console.log(`[${elapsed()}] building ${DB}: ${MEMBERS.toLocaleString("en")} members, ${REWARDS.toLocaleString("en")} rewards, ${REDEMPTIONS.toLocaleString("en")} redemptions`);
  await adminSql(`drop database if exists ${DB} with (force)`);
  await adminSql(`create database ${DB}`);
} else {
  console.log(`[${elapsed()}] reusing ${DB} (already generated; --fresh rebuilds it)`);
}
Object.assign(process.env, { DATABASE_URL: url, SEED_DEMO: "false", DB_POOL_MAX: "4" });
const { handle, closeDatabase } = await import("@/db/client");
const { runMigrations } = await import("@/db/migrate");
const { seed } = await import("@/db/seed");
try {
  await runMigrations(handle(), url); // also picks up migrations added since the data was generated
} catch (e) {
  // A landed migration was regenerated since this database was built: start again from nothing.
  console.log(`[${elapsed()}] ${DB} no longer migrates (${(e as Error).message.split("\n")[0]}): rebuilding it`);
  await adminSql(`drop database if exists ${DB} with (force)`);
  await adminSql(`create database ${DB}`);
  await runMigrations(handle(), url);
}
await seed({ log: () => {} });

const sql = postgres(url, { max: 1, onnotice: () => {} });
if (!(await dataIsComplete())) {
  await generate(sql);
  console.log(`[${elapsed()}] analyze`);
  await sql.unsafe("analyze");
}
const member = await benchMember();
if (!(await dataIsComplete())) await sql.unsafe(`comment on database ${DB} is '${DATA_MARK}'`);
const [counts] = await sql`select (select count(*) from members)::int as members, (select count(*) from rewards)::int as rewards, (select count(*) from redemptions)::int as redemptions`;
const [pick] = await sql`select id, category from rewards where active and category = 'tea' and cardinality(tier_codes) = 0 and (stock is null or stock > 0) and starts_at is null order by redeemed_count desc, id limit 1`;
await sql.end();
await closeDatabase();
const ctx = { category: pick!.category as string, rewardId: pick!.id as string };
console.log(`[${elapsed()}] data: ${counts!.members.toLocaleString("en")} members, ${counts!.rewards.toLocaleString("en")} rewards, ${counts!.redemptions.toLocaleString("en")} redemptions; signed in as ${member.name} (${member.id})`);

const token = await encode({ token: { sub: member.id, name: member.name, email: BENCH_EMAIL, roles: ["member"] }, secret: AUTH_SECRET, salt: SESSION_COOKIE, maxAge: 3600 });
const cookie = `${SESSION_COOKIE}=${token}`;
const rows: Measured[] = PAGES.map((p) => ({ name: p.name, path: p.path(ctx), status: 0, note: "", firstQueries: null, queries: null, queriesRange: "", soloP50Ms: null, p50Ms: null, p99Ms: null, rps: null, non2xx: 0, errors: 0 }));

// Pass 1 — a server with the query counter on: status of each page, and its queries per render.
let server = await startServer(PORT, url, { AUTH_SECRET, JIFEN_COUNT_QUERIES: "1" });
let queryTotal = 0;
server.onLine((line) => {
  const m = /\[jifen\] queries=(\d+)/.exec(line);
  if (m) queryTotal = Math.max(queryTotal, Number(m[1]));
});
try {
  for (const row of rows) {
    const { res: r, queries: first } = await counted(server, () => queryTotal, row.path, cookie);
    row.status = r.status;
    row.firstQueries = first;
    if (r.status >= 300 && r.status < 400) row.note = `redirects to ${r.location}`;
    else if (r.status === 404) row.note = "page not there (404)";
    else if (r.status !== 200) row.note = `status ${r.status}`;
    if (row.path === "/" && r.status === 200 && !r.body.includes(member.name)) row.note = "not signed in (landing page served)";
    if (r.status !== 200) continue;
    const c = await countQueries(server, () => queryTotal, row.path, cookie);
    row.queries = median(c);
    row.queriesRange = Math.min(...c) === Math.max(...c) ? "" : `${Math.min(...c)}–${Math.max(...c)}`;
    console.log(`[${elapsed()}] ${row.path}: ${row.status}, ${row.firstQueries} queries on the first request, then ${row.queries} per request${row.queriesRange ? ` (${row.queriesRange})` : ""}`);
  }
} finally {
  await server.stop();
}

// Pass 2 — a clean server (no counter). Each page that answered 200, in turn: a warm-up, one request
// at a time for 3 s (the render alone), then ROUNDS rounds of CONNECTIONS at once, each round the
// static page for SLOT seconds and then this page for SLOT seconds. The page's ratio is the median of
// its rounds' ratios to the static page measured just before: on a machine shared with other work,
// whose load moves by the minute, side by side is the only comparison that means anything.
const ROUNDS = Number(args.get("rounds") ?? 5);
const SLOT = Math.max(1, Math.round(SECONDS / ROUNDS));
interface Round {
  rps: number;
  p50: number;
  p99: number;
  baselineRps: number;
}
const rounds = new Map<Measured, Round[]>();
server = await startServer(PORT, url, { AUTH_SECRET });
try {
  const baselineRow = rows.find((r) => r.name === baselineName)!;
  if (baselineRow.status === 200) await autocannon(`${server.base}${baselineRow.path}`, cookie, 2); // warm-up
  for (const row of rows) {
    if (row.status !== 200) {
      console.log(`[${elapsed()}] ${row.path}: skipped (${row.note})`);
      continue;
    }
    await autocannon(`${server.base}${row.path}`, cookie, 2); // warm-up
    row.soloP50Ms = (await autocannon(`${server.base}${row.path}`, cookie, 3, 1)).latency.p50;
    const mine: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const b = await autocannon(`${server.base}${baselineRow.path}`, cookie, SLOT);
      const r = row === baselineRow ? b : await autocannon(`${server.base}${row.path}`, cookie, SLOT);
      mine.push({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, baselineRps: b.requests.average });
      row.non2xx += r.non2xx;
      row.errors += r.errors + r.timeouts;
    }
    rounds.set(row, mine);
    Object.assign(row, { p50Ms: median(mine.map((m) => m.p50)), p99Ms: median(mine.map((m) => m.p99)), rps: median(mine.map((m) => m.rps)) });
    if (row.non2xx || row.errors) row.note = `${row.non2xx} non-2xx, ${row.errors} errors or timeouts`;
    console.log(`[${elapsed()}] ${row.path}: alone p50 ${row.soloP50Ms} ms; under load p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ${row.rps!.toFixed(0)} req/s (rounds: ${mine.map((m) => `${m.rps.toFixed(0)} vs static ${m.baselineRps.toFixed(0)}`).join(", ")})`);
  }
} finally {
  await server.stop();
}

/** The median over a page's rounds of its req/s ÷ the static page's req/s in the same round. */
const ratioOf = (row: Measured) => {
  const mine = rounds.get(row);
  return mine?.length ? median(mine.map((m) => m.rps / m.baselineRps)) : null;
};
const baselineRps = (row: Measured) => {
  const mine = rounds.get(row);
  return mine?.length ? median(mine.map((m) => m.baselineRps)) : null;
};
const fmt = (n: number | null, digits = 0) => (n === null ? "—" : n.toFixed(digits));
console.log(`\nbench:pages — ${CONNECTIONS} connections, accept-encoding "${ENCODING}", ${ROUNDS} rounds of ${SLOT} s per page each after ${SLOT} s of the static page, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, load average ${loadAverage()}`);
console.log("targets: p50 < 30 ms, req/s ≥ 0.5 × the static page's, no N+1\n");
console.log(`| page | path | status | p50 ms alone | p50 ms (c=${CONNECTIONS}) | p99 ms (c=${CONNECTIONS}) | req/s | static req/s beside it | vs static | queries first / warm | note |`);
console.log("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
for (const r of rows) {
  const ratio = ratioOf(r);
  console.log(`| ${r.name} | ${r.path} | ${r.status} | ${fmt(r.soloP50Ms)} | ${fmt(r.p50Ms)} | ${fmt(r.p99Ms)} | ${fmt(r.rps)} | ${fmt(baselineRps(r))} | ${ratio === null ? "—" : ratio.toFixed(2)} | ${r.firstQueries ?? "—"} / ${r.queries ?? "—"}${r.queriesRange ? ` (${r.queriesRange})` : ""} | ${r.note} |`);
}
mkdirSync("bench/results", { recursive: true });
const result = {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  settings: { seconds: SECONDS, rounds: ROUNDS, slotSeconds: SLOT, connections: CONNECTIONS, encoding: ENCODING, database: DB },
  loadAverage: os.loadavg(),
  data: counts,
  pages: rows.map((r) => ({ ...r, rounds: rounds.get(r) ?? [], ratioVsStatic: ratioOf(r) })),
};
writeFileSync("bench/results/pages.json", JSON.stringify(result, null, 2));
console.log(`\nwritten bench/results/pages.json (${elapsed()})`);
