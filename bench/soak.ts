// npm run test:soak — reliability suites on TWO production servers (`next start`) over one fresh
// Postgres database each (issue 7, part 3; DESIGN invariants 2–5 and 8). Not part of `npm test`.
//
//   mixed    orders, refunds, events, redemptions (Integration API, both instances) and withdrawals
//            (the use case, from this process) for --minutes (default 10), with two clock moves:
//            at a third and two thirds of the run the load pauses, both instances restart on a
//            clock moved forward (+10 days, then +320 more: pending points and commissions free up,
//            daily caps reset, the first lots expire), this process moves its own clock and runs
//            the expiry and release sweeps, and the load resumes. Then ledger and wallet verify
//            clean and every table's count equal to what was acknowledged. The moved clock is
//            lib/clock's CLOCK_OFFSET_MS, honoured only with JIFEN_TEST_CLOCK=1 (never in production).
//   kill     the same load; halfway, kill -9 of one instance. Every acknowledged (2xx) write is
//            there, nothing is half-written (ledger and wallets verify), and retrying every request
//            with its Idempotency-Key on the surviving instance makes no duplicate.
//   pg-down  the instances reach Postgres through a TCP proxy in this process; mid-load the proxy
//            cuts every connection and refuses new ones, then lets them through again. Requests
//            fail cleanly (a problem+json 5xx, within the client's timeout) and the same instances
//            recover by themselves. (What a Postgres restart looks like to the app, without
//            restarting anything: the Postgres server itself is shared and never touched.)
//
//   npm run test:soak                                   (all three; mixed for 10 minutes)
//   npm run test:soak -- --suite mixed --minutes 1
//   npm run test:soak -- --suite kill --seconds 40 --report test-results/soak-kill.json
// BENCH_PG=postgres://… picks the Postgres server. Each suite prints a table of checks and exits 1
// on any failure; servers and databases are removed at the end whatever happened.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import postgres from "postgres";
import { adminSql, dbUrl, ensureBuild, freePort, percentile, PG_SERVER, startServer, type AppServer } from "./server";
import { cliOptions } from "../scripts/cli";

const args = cliOptions();
const SUITES = ["mixed", "kill", "pg-down"] as const;
type Suite = (typeof SUITES)[number];
const suiteArg = args.get("suite") ?? "all";
const suites: Suite[] = suiteArg === "all" ? [...SUITES] : (suiteArg.split(",") as Suite[]);
if (suites.some((s) => !SUITES.includes(s))) throw new Error(`--suite: one of ${SUITES.join(", ")} or all`);
const MINUTES = Number(args.get("minutes") ?? 10);
const SECONDS = args.has("seconds") ? Number(args.get("seconds")) : null;
const CONCURRENCY = Number(args.get("concurrency") ?? 8);
const report = args.get("report");
/** A request that has not answered by then counts as hung. */
const CLIENT_TIMEOUT_MS = 20_000;
const DAY_MS = 86_400_000;
/** The clock moves of the mixed suite (cumulative offsets, ms), at 1/3 and 2/3 of the run. */
const CLOCK_MOVES = [10 * DAY_MS, 330 * DAY_MS];
/** This process's moved clock (lib/clock reads the same variable). */
const clockNow = () => Date.now() + (process.env.JIFEN_TEST_CLOCK === "1" ? Number(process.env.CLOCK_OFFSET_MS ?? 0) : 0);
// One bootstrap key for every suite of the run (lib/env reads BOOTSTRAP_API_KEY once per process).
const KEY = `jf_soak_${randomBytes(12).toString("hex")}`;

/** `fn` over `xs`, at most `limit` at a time, results in order. */
async function mapLimit<T, R>(xs: readonly T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(xs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, xs.length) }, async () => {
      while (next < xs.length) {
        const i = next++;
        out[i] = await fn(xs[i]!);
      }
    }),
  );
  return out;
}

interface Check {
  suite: Suite;
  name: string;
  ok: boolean;
  detail: string;
}
const checks: Check[] = [];

// ---------------------------------------------------------------- the TCP proxy (pg-down)

/** Forwards 127.0.0.1:port → the Postgres server; cut() drops every connection and refuses new ones. */
class PgProxy {
  private up = true;
  private sockets = new Set<net.Socket>();
  private server: net.Server | null = null;
  port = 0;
  private readonly target = new URL(PG_SERVER);

  async start(): Promise<void> {
    this.port = await freePort();
    this.server = net.createServer((client) => {
      if (!this.up) return void client.destroy();
      const upstream = net.connect(Number(this.target.port || 5432), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
  }
  url(db: string): string {
    const u = new URL(dbUrl(db));
    u.hostname = "127.0.0.1";
    u.port = String(this.port);
    return u.toString();
  }
  cut(): void {
    this.up = false;
    for (const s of this.sockets) s.destroy();
  }
  restore(): void {
    this.up = true;
  }
  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

// ---------------------------------------------------------------- one environment per suite

interface Outcome {
  op: "order" | "refund" | "event" | "redeem" | "withdraw";
  key: string;
  path: string;
  body: unknown;
  server: number;
  /** HTTP status, or 0 when no answer came (connection refused or reset, or the client's timeout). */
  status: number;
  hung: boolean;
  json: Record<string, unknown>;
  contentType: string;
  ms: number;
  at: number;
}

interface Env {
  suite: Suite;
  dbName: string;
  url: string;
  key: string;
  servers: AppServer[];
  proxy: PgProxy | null;
  sql: postgres.Sql;
  members: string[];
  distributors: string[];
  rewards: { stocked: string; unlimited: string; stock: number };
  outcomes: Outcome[];
  withdrawals: { ok: number; refused: number; failed: string[] };
  seq: number;
  /** Set while the load is paused (a clock move): workers wait on it before their next operation. */
  gate: Promise<void> | null;
  inflight: number;
}

async function setUp(suite: Suite, viaProxy: boolean): Promise<Env> {
  const dbName = `jifen_soak_${randomBytes(5).toString("hex")}`;
  const url = dbUrl(dbName);
  const key = KEY;
  await adminSql(`create database ${dbName}`);
  const proxy = viaProxy ? new PgProxy() : null;
  await proxy?.start();
  const env: Env = {
    suite,
    dbName,
    url,
    key,
    servers: [],
    proxy,
    sql: postgres(url, { max: 2, onnotice: () => {} }),
    members: [],
    distributors: [],
    rewards: { stocked: "", unlimited: "", stock: 300 },
    outcomes: [],
    withdrawals: { ok: 0, refused: 0, failed: [] },
    seq: 0,
    gate: null,
    inflight: 0,
  };
  envs.push(env);
  // Migrate and seed as a fresh deployment does (rules, the bootstrap API key) from this process,
  // whose database handle is then also what requests withdrawals and verifies.
  Object.assign(process.env, { DATABASE_URL: url, BOOTSTRAP_API_KEY: key, SEED_DEMO: "false", DB_POOL_MAX: "4", JIFEN_TEST_CLOCK: "1", CLOCK_OFFSET_MS: "0" });
  const { handle, setDatabase, openPostgres } = await import("@/db/client");
  const { runMigrations } = await import("@/db/migrate");
  const { seed } = await import("@/db/seed");
  setDatabase(openPostgres(url, 4));
  await runMigrations(handle(), url);
  await seed({ log: () => {} });

  const appUrl = proxy ? proxy.url(dbName) : url;
  const starting = [0, 0].map((port) => startServer(port, appUrl, serverEnv(key)));
  for (const s of await Promise.allSettled(starting)) if (s.status === "fulfilled") env.servers.push(s.value);
  for (const s of await Promise.allSettled(starting)) if (s.status === "rejected") throw s.reason;

  // 20 distributors, 60 members bound under them, each with one old order (so points and
  // commissions are available at once), two rewards: one with stock, one unlimited.
  const must = async (p: string, body: unknown, idem: string, want = [201]) => {
    const r = await send(env, 0, p, body, idem);
    if (!want.includes(r.status)) throw new Error(`POST ${p} → ${r.status}: ${JSON.stringify(r.json).slice(0, 300)}`);
    return r.json;
  };
  const codes: string[] = [];
  for (let i = 0; i < 20; i++) {
    const m = await must("/api/v1/members", { email: `dist${i}@soak.test`, name: `Distributor ${i}` }, `setup-d-${i}`);
    env.distributors.push(m.id as string);
    codes.push((await must(`/api/v1/members/${m.id}/distributor`, {}, `setup-dd-${i}`)).code as string);
  }
  for (let i = 0; i < 60; i++) {
    const m = await must("/api/v1/members", { email: `m${i}@soak.test`, name: `Member ${i}`, referralCode: codes[i % codes.length] }, `setup-m-${i}`);
    env.members.push(m.id as string);
    await must("/api/v1/orders", orderBody(`SETUP-${i}`, m.id as string, 30_000), `setup-o-${i}`);
  }
  env.rewards.stocked = (await must("/api/v1/rewards", { sku: "SOAK-STOCK", name: "限量", type: "virtual", pointsPrice: 40, stock: env.rewards.stock }, "setup-r1")).id as string;
  env.rewards.unlimited = (await must("/api/v1/rewards", { sku: "SOAK-FREE", name: "不限量", type: "virtual", pointsPrice: 15 }, "setup-r2")).id as string;
  return env;
}

const envs: Env[] = [];

/** What every app instance runs with; the clock offset is this process's at the time it starts. */
const serverEnv = (key: string) => ({ BOOTSTRAP_API_KEY: key, DB_POOL_MAX: "6", JIFEN_TEST_CLOCK: "1", CLOCK_OFFSET_MS: process.env.CLOCK_OFFSET_MS ?? "0" });

/**
 * A clock move: pause the load and let what is in flight finish, restart both instances on the
 * clock moved to `offsetMs` (an environment variable is read at start: a restart is how a running
 * server's clock moves), move this process's clock, run the sweeps a deployment's cron would run
 * as time passes, resume the load.
 */
async function moveClock(env: Env, offsetMs: number, check: (name: string, ok: boolean, detail: string) => void, onResume: (pausedMs: number) => void): Promise<void> {
  const t = performance.now();
  let resume!: () => void;
  env.gate = new Promise<void>((r) => (resume = r));
  while (env.inflight > 0) await new Promise((r) => setTimeout(r, 50));
  process.env.CLOCK_OFFSET_MS = String(offsetMs);
  const url = env.proxy ? env.proxy.url(env.dbName) : env.url;
  await Promise.all(env.servers.map((s) => s.stop()));
  const restarted = await Promise.allSettled([0, 1].map(() => startServer(0, url, serverEnv(env.key))));
  env.servers = restarted.filter((r): r is PromiseFulfilledResult<AppServer> => r.status === "fulfilled").map((r) => r.value);
  const failed = restarted.find((r) => r.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  const { sweepExpired } = await import("@/lib/points/sweep-expired");
  const { sweepReleases } = await import("@/lib/distribution/sweep-releases");
  const expired = await sweepExpired({ batchSize: 500 });
  const released = await sweepReleases();
  const days = offsetMs / DAY_MS;
  console.log(`  clock +${days} days: instances restarted, ${expired.lots} lots expired, ${released.wallets} wallets released (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  check(`clock moved to +${days} days: both instances restarted on it, sweeps ran`, env.servers.length === 2, `expiry sweep ${expired.lots} lots / ${expired.points} points, release sweep ${released.wallets} wallets / ${released.cents} cents, paused ${((performance.now() - t) / 1000).toFixed(1)} s`);
  onResume(performance.now() - t);
  env.gate = null;
  resume();
}

async function tearDown(env: Env): Promise<void> {
  await env.sql.end({ timeout: 5 }).catch(() => {});
  const { closeDatabase } = await import("@/db/client");
  await closeDatabase().catch(() => {});
  await Promise.all(env.servers.map((s) => s.stop()));
  await env.proxy?.close();
  process.env.CLOCK_OFFSET_MS = "0";
  await adminSql(`drop database if exists ${env.dbName} with (force)`).catch((e) => console.error(`could not drop ${env.dbName}: ${e}`));
}

function orderBody(externalId: string, memberId: string, cents: number) {
  // Placed 60 days ago: past the return window and the freeze, so points and commissions are available.
  return {
    externalId,
    memberId,
    placedAt: new Date(clockNow() - 60 * DAY_MS).toISOString(),
    items: [{ sku: "SOAK-1", category: "drinks", quantity: 1, unitPriceCents: cents }],
    shippingCents: 0,
  };
}

async function send(env: Env, server: number, p: string, body: unknown, idem: string): Promise<Outcome> {
  const t = performance.now();
  const base: Omit<Outcome, "status" | "hung" | "json" | "contentType" | "ms"> = { op: "order", key: idem, path: p, body, server, at: Date.now() };
  try {
    const res = await fetch(`${env.servers[server]!.base}${p}`, {
      method: "POST",
      headers: { authorization: `Bearer ${env.key}`, "content-type": "application/json", "idempotency-key": idem },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {}
    return { ...base, status: res.status, hung: false, json, contentType: res.headers.get("content-type") ?? "", ms: performance.now() - t };
  } catch (e) {
    const hung = (e as Error).name === "TimeoutError";
    // No answer (a dead instance refuses at once): back off a little, as a client would.
    await new Promise((r) => setTimeout(r, 200));
    return { ...base, status: 0, hung, json: { error: String((e as Error).message) }, contentType: "", ms: performance.now() - t };
  }
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

/** One random operation, recorded. Orders 40 %, redemptions 25 %, events 15 %, refunds 12 %, withdrawals 8 %. */
async function oneOp(env: Env, servers: readonly number[]): Promise<void> {
  const n = env.seq++;
  const server = pick(servers);
  const r = Math.random();
  const record = (o: Outcome, op: Outcome["op"]) => env.outcomes.push({ ...o, op });
  if (r < 0.4) {
    const ext = `SOAK-${env.suite}-${n}`;
    record(await send(env, server, "/api/v1/orders", orderBody(ext, pick(env.members), 1_000 + Math.floor(Math.random() * 20_000)), ext), "order");
  } else if (r < 0.65) {
    const body = { memberId: pick(env.members), rewardId: Math.random() < 0.5 ? env.rewards.stocked : env.rewards.unlimited, quantity: 1 };
    record(await send(env, server, "/api/v1/redemptions", body, `redeem-${env.suite}-${n}`), "redeem");
  } else if (r < 0.8) {
    record(await send(env, server, "/api/v1/events", { memberId: pick(env.members), type: "review" }, `event-${env.suite}-${n}`), "event");
  } else if (r < 0.92) {
    const acked = env.outcomes.filter((o) => o.op === "order" && o.status === 201);
    if (!acked.length) return;
    const ext = (pick(acked).body as { externalId: string }).externalId;
    record(await send(env, server, `/api/v1/orders/${ext}/refunds`, { amountCents: 100 + Math.floor(Math.random() * 900), reason: "soak" }, `refund-${env.suite}-${n}`), "refund");
  } else {
    const { requestWithdrawal } = await import("@/lib/distribution/request-withdrawal");
    const { isDomainError } = await import("@/lib/errors");
    try {
      await requestWithdrawal(pick(env.distributors), { amountCents: 1_000, payoutAccount: { method: "alipay", account: "soak@example.com" } }, { actor: "soak" });
      env.withdrawals.ok++;
    } catch (e) {
      if (isDomainError(e)) env.withdrawals.refused++;
      else env.withdrawals.failed.push(String((e as Error).message).slice(0, 200));
    }
  }
}

/** CONCURRENCY workers doing random operations until `until` (ms since epoch). */
async function load(env: Env, until: () => number, servers: () => readonly number[]): Promise<void> {
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until()) {
        if (env.gate) {
          await env.gate;
          continue;
        }
        env.inflight++;
        try {
          await oneOp(env, servers());
        } finally {
          env.inflight--;
        }
      }
    }),
  );
}

const EXPECTED_REFUSALS: Record<Outcome["op"], string[]> = {
  order: [],
  refund: ["refund-exceeds-order"],
  event: [],
  redeem: ["insufficient-points", "out-of-stock"],
  withdraw: [],
};
/** 2xx, or a 409 the operation can legitimately meet under this load. */
const clean = (o: Outcome) => (o.status >= 200 && o.status < 300) || (o.status === 409 && EXPECTED_REFUSALS[o.op].includes(String(o.json.type)));

function summary(outcomes: Outcome[]): string {
  const by = new Map<string, number>();
  for (const o of outcomes) by.set(`${o.op} ${o.status || (o.hung ? "hung" : "no-answer")}${o.status === 409 ? ` ${o.json.type}` : ""}`, (by.get(`${o.op} ${o.status || (o.hung ? "hung" : "no-answer")}${o.status === 409 ? ` ${o.json.type}` : ""}`) ?? 0) + 1);
  return [...by.entries()].sort().map(([k, v]) => `${k}: ${v}`).join(", ");
}

/**
 * Every acknowledged (2xx) write is in the database, once. `exact`: and nothing else — true when
 * every request got an answer; after a crash or a cut, a request can have committed without its
 * answer arriving (the retries then settle it), so only "acknowledged ⊆ present" holds.
 */
async function reconcile(env: Env, check: (name: string, ok: boolean, detail: string) => void, acked: Outcome[], exact = true): Promise<void> {
  const same = (present: number, expected: number) => (exact ? present === expected : present >= expected);
  const sql = env.sql;
  const ackedOrders = new Set(acked.filter((o) => o.op === "order").map((o) => (o.body as { externalId: string }).externalId));
  const [orders] = await sql`select count(*)::int as n, count(distinct external_id)::int as d from orders where external_id like ${`SOAK-${env.suite}-%`}`;
  const present = ackedOrders.size ? await sql`select count(*)::int as n from orders where external_id in ${sql([...ackedOrders])}` : [{ n: 0 }];
  check("orders: every acknowledged order is there, once", present[0]!.n === ackedOrders.size && orders!.n === orders!.d, `${ackedOrders.size} acknowledged, ${present[0]!.n} of them present, ${orders!.n} rows (${orders!.d} distinct)`);

  const refundIds = new Set(acked.filter((o) => o.op === "refund").map((o) => o.json.refundId as string));
  const [refunds] = await sql`select count(*)::int as n from refunds`;
  const refundsPresent = refundIds.size ? await sql`select count(*)::int as n from refunds where id in ${sql([...refundIds])}` : [{ n: 0 }];
  check("refunds: one row per acknowledged refund", same(refunds!.n, refundIds.size) && refundsPresent[0]!.n === refundIds.size, `${refundIds.size} acknowledged, ${refundsPresent[0]!.n} of them present, ${refunds!.n} rows`);

  const redemptionIds = new Set(acked.filter((o) => o.op === "redeem").map((o) => o.json.id as string));
  const [redemptions] = await sql`select count(*)::int as n, count(*) filter (where reward_id = ${env.rewards.stocked})::int as stocked from redemptions`;
  const [reward] = await sql`select stock from rewards where id = ${env.rewards.stocked}`;
  const redemptionsPresent = redemptionIds.size ? await sql`select count(*)::int as n from redemptions where id in ${sql([...redemptionIds])}` : [{ n: 0 }];
  check("redemptions: one row per acknowledged redemption", same(redemptions!.n, redemptionIds.size) && redemptionsPresent[0]!.n === redemptionIds.size, `${redemptionIds.size} acknowledged, ${redemptionsPresent[0]!.n} of them present, ${redemptions!.n} rows`);
  check("stock: what is left + what was redeemed = what there was", Number(reward!.stock) + redemptions!.stocked === env.rewards.stock && Number(reward!.stock) >= 0, `stock ${reward!.stock} + ${redemptions!.stocked} redeemed = ${env.rewards.stock}`);

  const awarded = new Set(acked.filter((o) => o.op === "event" && Number(o.json.pointsAwarded) > 0).map((o) => o.key));
  const [events] = await sql`select count(*)::int as n from point_entries where reason = 'event:review'`;
  check("events: one ledger entry per acknowledged award", same(events!.n, awarded.size), `${awarded.size} awards acknowledged, ${events!.n} entries`);
}

async function verify(env: Env, check: (name: string, ok: boolean, detail: string) => void): Promise<void> {
  const { verifyLedger } = await import("@/lib/points/verify-ledger");
  const { verifyWallets } = await import("@/lib/distribution/verify-wallets");
  const ledger = await verifyLedger();
  check("ledger:verify clean", ledger.mismatches.length === 0, `${ledger.members} balances, ${ledger.entries} entries, ${ledger.mismatches.length} mismatches${ledger.mismatches.length ? `: ${JSON.stringify(ledger.mismatches.slice(0, 3))}` : ""}`);
  const wallets = await verifyWallets();
  check("wallet:verify clean", wallets.mismatches.length === 0, `${wallets.wallets} wallets, ${wallets.entries} entries, ${wallets.mismatches.length} mismatches${wallets.mismatches.length ? `: ${JSON.stringify(wallets.mismatches.slice(0, 3))}` : ""}`);
  const [w] = await env.sql`select count(*)::int as n from withdrawals`;
  check("withdrawals: one row per accepted request", w!.n === env.withdrawals.ok && env.withdrawals.failed.length === 0, `${env.withdrawals.ok} accepted, ${env.withdrawals.refused} refused by the rules, ${env.withdrawals.failed.length} errors, ${w!.n} rows${env.withdrawals.failed.length ? `: ${env.withdrawals.failed.slice(0, 2).join("; ")}` : ""}`);
}

function latency(outcomes: Outcome[]): string {
  const ms = outcomes.filter((o) => o.status).map((o) => o.ms).sort((a, b) => a - b);
  return `p50 ${percentile(ms, 50).toFixed(0)} ms, p99 ${percentile(ms, 99).toFixed(0)} ms`;
}

// ---------------------------------------------------------------- the suites

async function mixed(): Promise<void> {
  const check = (name: string, ok: boolean, detail: string) => checks.push({ suite: "mixed", name, ok, detail });
  const env = await setUp("mixed", false);
  try {
    const ms = (SECONDS ?? MINUTES * 60) * 1000;
    console.log(`mixed: load on both instances for ${(ms / 1000).toFixed(0)} s at concurrency ${CONCURRENCY}`);
    const end = Date.now() + ms;
    const progress = setInterval(() => console.log(`  ${env.outcomes.length} requests, ${env.withdrawals.ok + env.withdrawals.refused} withdrawals, ${Math.max(0, Math.round((end - Date.now()) / 1000))} s left`), 30_000);
    // The clock moves happen while the load runs; the time they take is added to the run.
    let until = end;
    const mover = (async () => {
      for (const offset of CLOCK_MOVES) {
        await new Promise((r) => setTimeout(r, ms / (CLOCK_MOVES.length + 1)));
        await moveClock(env, offset, check, (paused) => (until += paused));
      }
    })();
    await load(env, () => until, () => [0, 1]);
    await mover;
    clearInterval(progress);
    const onMovedClock = env.servers.map((s) => /TEST CLOCK: time is moved by/.test(s.output()));
    check("after the clock moves, both instances run on the moved clock", onMovedClock.every(Boolean), `instances say "TEST CLOCK": ${onMovedClock.join(", ")}`);
    const o = env.outcomes;
    const unclean = o.filter((x) => !clean(x));
    check("every request answered 2xx or an expected 409", unclean.length === 0, `${o.length} requests (${latency(o)}); ${summary(o)}${unclean.length ? `; unexpected: ${summary(unclean)}` : ""}`);
    check("both instances served", [0, 1].every((k) => o.some((x) => x.server === k && x.status >= 200 && x.status < 300)), [0, 1].map((k) => `#${k + 1}: ${o.filter((x) => x.server === k).length}`).join(", "));
    await reconcile(env, check, o.filter((x) => x.status >= 200 && x.status < 300));
    await verify(env, check);
  } finally {
    await tearDown(env);
  }
}

async function kill(): Promise<void> {
  const check = (name: string, ok: boolean, detail: string) => checks.push({ suite: "kill", name, ok, detail });
  const env = await setUp("kill", false);
  try {
    const ms = (SECONDS ?? 60) * 1000;
    const end = Date.now() + ms;
    let alive: number[] = [0, 1];
    console.log(`kill: load on both instances for ${(ms / 1000).toFixed(0)} s; kill -9 of instance #1 at ${(ms / 2000).toFixed(0)} s`);
    // The load balancer keeps sending to both for a moment after the crash (it has not noticed yet).
    const killer = (async () => {
      await new Promise((r) => setTimeout(r, ms / 2));
      await env.servers[0]!.kill();
      console.log(`  killed #1 after ${env.outcomes.length} requests`);
      await new Promise((r) => setTimeout(r, 3_000));
      alive = [1];
    })();
    await load(env, () => end, () => alive);
    await killer;
    const o = env.outcomes;
    const acked = o.filter((x) => x.status >= 200 && x.status < 300);
    const lost = o.filter((x) => x.status === 0);
    const unclean = o.filter((x) => x.status !== 0 && !clean(x));
    check("the crash cost only unanswered requests (no 5xx from the survivor)", unclean.length === 0 && lost.length > 0, `${o.length} requests: ${acked.length} acknowledged, ${lost.length} unanswered (all to #1: ${lost.every((x) => x.server === 0)}); ${summary(o)}`);
    await reconcile(env, check, acked, false);
    await verify(env, check);

    // Every request again, with the same Idempotency-Key and body, on the survivor: an acknowledged
    // one is replayed (same status, same id), an unanswered one is done now or refused — never twice.
    const replays = await mapLimit(o, CONCURRENCY, (x) => send(env, 1, x.path, x.body, x.key).then((r) => ({ first: x, again: { ...r, op: x.op } })));
    const mismatched = replays.filter(({ first, again }) => first.status >= 200 && first.status < 300 && (again.status !== first.status || (again.json.id ?? again.json.refundId) !== (first.json.id ?? first.json.refundId)));
    const failedRetry = replays.filter(({ again }) => !clean(again));
    check("replaying acknowledged requests returns the first response", mismatched.length === 0, `${acked.length} replayed, ${mismatched.length} differ`);
    check("retrying unanswered requests succeeds (or is refused cleanly)", failedRetry.length === 0, `${lost.length} retried; all replays: ${summary(replays.map((r) => r.again))}`);
    // After the retries, the database holds each operation once: reconcile with what the replays acknowledged.
    await reconcile(env, (name, ok, detail) => check(`after retries: ${name}`, ok, detail), replays.map((r) => r.again).filter((x) => x.status >= 200 && x.status < 300));
    await verify(env, (name, ok, detail) => check(`after retries: ${name}`, ok, detail));
  } finally {
    await tearDown(env);
  }
}

async function pgDown(): Promise<void> {
  const check = (name: string, ok: boolean, detail: string) => checks.push({ suite: "pg-down", name, ok, detail });
  const env = await setUp("pg-down", true);
  try {
    const phase = (SECONDS ?? 60) * 1000;
    const before = Math.round(phase / 3);
    const down = Math.round(phase / 3);
    const after = phase - before - down;
    console.log(`pg-down: load for ${phase / 1000} s; Postgres unreachable from ${before / 1000} s to ${(before + down) / 1000} s`);
    const t0 = Date.now();
    let cutAt = 0;
    let restoredAt = 0;
    const breaker = (async () => {
      await new Promise((r) => setTimeout(r, before));
      env.proxy!.cut();
      cutAt = Date.now();
      console.log(`  cut after ${env.outcomes.length} requests`);
      await new Promise((r) => setTimeout(r, down));
      env.proxy!.restore();
      restoredAt = Date.now();
      console.log(`  restored after ${env.outcomes.length} requests`);
    })();
    await load(env, () => t0 + phase, () => [0, 1]);
    await breaker;
    const o = env.outcomes;
    const during = o.filter((x) => x.at >= cutAt && x.at < restoredAt);
    const failed = during.filter((x) => x.status >= 500);
    const hung = o.filter((x) => x.hung || x.status === 0);
    const badFailures = o.filter((x) => x.status >= 500 && !/application\/problem\+json/.test(x.contentType));
    check("while Postgres is away, requests fail (5xx problem+json), none hangs", failed.length > 0 && hung.length === 0 && badFailures.length === 0, `${during.length} requests during the cut: ${summary(during)}; ${hung.length} hung or unanswered; ${badFailures.length} 5xx not problem+json; slowest answer ${Math.max(...o.map((x) => x.ms)).toFixed(0)} ms`);
    const firstOk = o.filter((x) => x.at >= restoredAt && x.status >= 200 && x.status < 300).sort((a, b) => a.at + a.ms - (b.at + b.ms))[0];
    const settled = o.filter((x) => x.at >= restoredAt + Math.min(10_000, after / 2));
    check("the same instances recover by themselves", Boolean(firstOk) && settled.length > 0 && settled.every(clean), `first success ${firstOk ? ((firstOk.at + firstOk.ms - restoredAt) / 1000).toFixed(1) : "—"} s after the restore; from ${(Math.min(10_000, after / 2) / 1000).toFixed(0)} s after it: ${summary(settled)}`);
    const [health0, health1] = await Promise.all(env.servers.map((s) => fetch(`${s.base}/api/health`).then((r) => r.status)));
    check("/api/health is 200 on both instances afterwards", health0 === 200 && health1 === 200, `#1 ${health0}, #2 ${health1}`);
    // Nothing half-written: the failed transactions left nothing, the acknowledged ones are all there.
    await reconcile(env, check, o.filter((x) => x.status >= 200 && x.status < 300), false);
    await verify(env, check);
  } finally {
    await tearDown(env);
  }
}

// ---------------------------------------------------------------- run

const started = performance.now();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers and dropping the databases`);
    void Promise.all(envs.map(tearDown)).finally(() => process.exit(130));
  });
}
ensureBuild();
const runners: Record<Suite, () => Promise<void>> = { mixed, kill, "pg-down": pgDown };
for (const s of suites) {
  const t = performance.now();
  try {
    await runners[s]();
  } catch (e) {
    checks.push({ suite: s, name: "suite ran to the end", ok: false, detail: String((e as Error)?.stack ?? e).split("\n").slice(0, 6).join(" | ") });
    for (const env of envs.filter((x) => x.suite === s)) for (const srv of env.servers) console.log(`\n--- server ${srv.base} (last output) ---\n${srv.output().slice(-3_000)}`);
  }
  console.log(`${s}: ${((performance.now() - t) / 1000).toFixed(0)} s`);
}

const passed = checks.filter((c) => c.ok).length;
const failed = checks.length - passed;
console.log("\n| suite | check | result | detail |\n| --- | --- | --- | --- |");
for (const c of checks) console.log(`| ${c.suite} | ${c.name} | ${c.ok ? "ok" : "FAILED"} | ${c.detail} |`);
console.log(`\nsoak: ${passed} passed, ${failed} failed (${((performance.now() - started) / 1000).toFixed(0)} s)`);
if (report) {
  mkdirSync(path.dirname(report), { recursive: true });
  writeFileSync(report, JSON.stringify({ passed, failed, checks }, null, 2));
}
process.exit(failed || !passed ? 1 : 0);
