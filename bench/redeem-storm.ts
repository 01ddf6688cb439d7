// npm run storm:redeem — the redemption storm across TWO app instances on one Postgres database
// (issue 4, Correctness; DESIGN invariants 4 and 8). A fresh database, migrated and seeded with a
// bootstrap API key only; members created through the API and given points by a ledger credit;
// two production servers (`next start`) on different ports; then 200 concurrent
// POST /api/v1/redemptions split across both instances, for a reward with 5 left, by 50 members.
// Checks: exactly 5 succeed, the rest are 409 out-of-stock, stock 0 and never negative, losers
// lost no points, the ledger verifies. Prints a table, exits 1 on any violation; servers and the
// database are removed at the end whatever happened.
//
//   npm run storm:redeem                       (BENCH_PG=postgres://… to use another server)
//   npm run storm:redeem -- --report test-results/redeem-storm.json   (what CI reads)
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { adminSql, dbUrl, ensureBuild, startServer, type AppServer } from "./server";
import { cliOptions } from "../scripts/cli";

const args = cliOptions();
const REQUESTS = Number(args.get("requests") ?? 200);
const MEMBERS = Number(args.get("members") ?? 50);
const STOCK = Number(args.get("stock") ?? 5);
const PRICE = 100;
const START_POINTS = 10_000;
// Free ports picked by the OS unless --port N is given (then N and N + 1).
const PORTS = args.has("port") ? [Number(args.get("port")), Number(args.get("port")) + 1] : [0, 0];
const report = args.get("report");

const dbName = `jifen_storm_${randomBytes(5).toString("hex")}`;
const url = dbUrl(dbName);
const KEY = `jf_storm_${randomBytes(12).toString("hex")}`;

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}
const checks: Check[] = [];
const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });

const servers: AppServer[] = [];
let sql: postgres.Sql | undefined;
let closeApp: (() => Promise<void>) | undefined;
const started = performance.now();
let crashed: unknown;
// Interrupted (Ctrl-C, CI's timeout): stop the servers and drop the database before leaving.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers and dropping ${dbName}`);
    void Promise.all(servers.map((s) => s.stop()))
      .then(() => adminSql(`drop database if exists ${dbName} with (force)`))
      .finally(() => process.exit(130));
  });
}

try {
  ensureBuild();
  await adminSql(`create database ${dbName}`);
  console.log(`database ${dbName}`);

  // Migrate and seed exactly as a fresh deployment does: rules, and the bootstrap API key.
  Object.assign(process.env, { DATABASE_URL: url, BOOTSTRAP_API_KEY: KEY, SEED_DEMO: "false", DB_POOL_MAX: "4" });
  const { handle, closeDatabase, db } = await import("@/db/client");
  const { runMigrations } = await import("@/db/migrate");
  const { seed } = await import("@/db/seed");
  const { credit } = await import("@/lib/points/ledger");
  const { verifyLedger } = await import("@/lib/points/verify-ledger");
  closeApp = closeDatabase;
  await runMigrations(handle(), url);
  await seed({ log: () => {} });
  sql = postgres(url, { max: 2, onnotice: () => {} });

  // Two instances on the one database, started together.
  const starting = PORTS.map((port) => startServer(port, url, { BOOTSTRAP_API_KEY: KEY }));
  for (const s of await Promise.allSettled(starting)) if (s.status === "fulfilled") servers.push(s.value);
  for (const s of await Promise.allSettled(starting)) if (s.status === "rejected") throw s.reason;
  console.log(`servers: ${servers.map((s) => s.base).join(", ")} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  const headers = (idem: string) => ({ authorization: `Bearer ${KEY}`, "content-type": "application/json", "idempotency-key": idem });
  const post = async (server: AppServer, p: string, body: unknown, idem: string) => {
    const res = await fetch(`${server.base}${p}`, { method: "POST", headers: headers(idem), body: JSON.stringify(body) });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {}
    return { status: res.status, json, text };
  };

  // Members through the API (alternating instances), points by a direct ledger credit.
  const members: string[] = [];
  for (let i = 0; i < MEMBERS; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, MEMBERS - i) }, (_, j) => post(servers[(i + j) % 2]!, "/api/v1/members", { email: `storm${i + j}@storm.test`, name: `Storm ${i + j}` }, `member-${i + j}`)),
    );
    for (const r of batch) {
      if (r.status !== 201) throw new Error(`POST /api/v1/members → ${r.status}: ${r.text}`);
      members.push(r.json.id as string);
    }
  }
  console.log(`members created through the API (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const at = new Date();
  for (const memberId of members) {
    await db.transaction((tx) => credit(tx, { memberId, points: START_POINTS, type: "adjust", reason: "storm seed", actor: "bench", availableAt: at, expiresAt: null }));
  }
  const created = await post(servers[0]!, "/api/v1/rewards", { sku: "STORM-1", name: "风暴奖品", type: "virtual", pointsPrice: PRICE, stock: STOCK }, "reward-1");
  if (created.status !== 201) throw new Error(`POST /api/v1/rewards → ${created.status}: ${created.text}`);
  const rewardId = created.json.id as string;

  // Warm-up (route code loaded, pools filled, plans cached) on a reward and member of its own.
  const warmMember = (await post(servers[0]!, "/api/v1/members", { email: "warm@storm.test" }, "member-warm")).json.id as string;
  await db.transaction((tx) => credit(tx, { memberId: warmMember, points: START_POINTS, type: "adjust", reason: "storm warm-up", actor: "bench", availableAt: at, expiresAt: null }));
  const warmReward = (await post(servers[0]!, "/api/v1/rewards", { sku: "STORM-WARM", name: "warm-up", type: "virtual", pointsPrice: 1 }, "reward-warm")).json.id as string;
  for (let i = 0; i < 20; i++) {
    const r = await post(servers[i % 2]!, "/api/v1/redemptions", { memberId: warmMember, rewardId: warmReward, quantity: 1 }, `warm-${i}`);
    if (r.status !== 201) throw new Error(`warm-up redemption → ${r.status}: ${r.text}`);
  }

  // Each member's balance and ledger entry count before the storm (the signup bonus of the
  // default rules comes on top of the credit above).
  const snapshot = async () =>
    new Map(
      (await sql!`select b.member_id, b.available::int as available, (select count(*)::int from point_entries e where e.member_id = b.member_id) as entries
                    from point_balances b where b.member_id in ${sql!(members)}`).map((b) => [b.member_id as string, { available: b.available as number, entries: b.entries as number }]),
    );
  const before = await snapshot();

  console.log(`points credited, warmed up (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  // The storm: every request at once, alternating between the two instances.
  let minStock = STOCK;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const [r] = await sql!`select stock from rewards where id = ${rewardId}`;
      minStock = Math.min(minStock, Number(r!.stock));
      await new Promise((res) => setTimeout(res, 5));
    }
  })();
  const t0 = performance.now();
  const results = await Promise.all(
    Array.from({ length: REQUESTS }, async (_, i) => {
      const server = servers[i % 2]!;
      const memberId = members[i % MEMBERS]!;
      const t = performance.now();
      const r = await post(server, "/api/v1/redemptions", { memberId, rewardId, quantity: 1 }, `storm-${i}`);
      return { ...r, memberId, instance: i % 2, ms: performance.now() - t };
    }),
  );
  const stormMs = performance.now() - t0;
  sampling = false;
  await sampler;

  // ---------------------------------------------------------------- checks
  const won = results.filter((r) => r.status === 201);
  const lost = results.filter((r) => r.status !== 201);
  const outOfStock = lost.filter((r) => r.status === 409 && r.json.type === "out-of-stock");
  const other = lost.filter((r) => !(r.status === 409 && r.json.type === "out-of-stock"));
  check(`exactly ${STOCK} redemptions succeed`, won.length === STOCK, `${won.length} × 201`);
  check("every loser got 409 out-of-stock", outOfStock.length === REQUESTS - STOCK && other.length === 0, `${outOfStock.length} × 409 out-of-stock, ${other.length} other${other.length ? `: ${[...new Set(other.map((r) => `${r.status} ${r.json.type ?? r.text.slice(0, 80)}`))].join("; ")}` : ""}`);
  check("both instances answered", [0, 1].every((k) => results.some((r) => r.instance === k && (r.status === 201 || r.status === 409))), [0, 1].map((k) => `#${k + 1}: ${results.filter((r) => r.instance === k && r.status === 201).length} won, ${results.filter((r) => r.instance === k && r.status !== 201).length} lost`).join("; "));

  const [reward] = await sql`select stock, redeemed_count from rewards where id = ${rewardId}`;
  check("stock ends at 0", Number(reward!.stock) === 0, `stock ${reward!.stock}, redeemed ${reward!.redeemed_count}`);
  check("stock never negative while storming", minStock >= 0, `lowest sampled ${minStock}`);
  const [moves] = await sql`select coalesce(sum(delta), 0)::int as sum, coalesce(min(stock_after), 0)::int as min, count(*) filter (where reason = 'redemption')::int as redemptions from stock_movements where reward_id = ${rewardId}`;
  check("stock movements add up to the stock", moves!.sum === Number(reward!.stock) && moves!.min >= 0 && moves!.redemptions === STOCK, `Σ delta ${moves!.sum}, lowest stock_after ${moves!.min}, ${moves!.redemptions} redemption movements`);
  const [rows] = await sql`select count(*)::int as n, count(distinct member_id)::int as members from redemptions where reward_id = ${rewardId}`;
  check(`${STOCK} redemption rows`, rows!.n === STOCK, `${rows!.n} rows for ${rows!.members} members`);

  // Losers lost nothing: balance and number of ledger entries follow from the wins alone.
  const wins = new Map<string, number>();
  for (const r of won) wins.set(r.memberId, (wins.get(r.memberId) ?? 0) + 1);
  const after = await snapshot();
  const wrong = members.filter((m) => {
    const w = wins.get(m) ?? 0;
    const b = before.get(m);
    const a = after.get(m);
    return !b || !a || b.available < START_POINTS || a.available !== b.available - w * PRICE || a.entries !== b.entries + w;
  });
  const untouched = members.filter((m) => !wins.has(m)).length;
  check("losers lost no points, winners paid once", after.size === MEMBERS && wrong.length === 0, `${untouched} members untouched (balance and entry count as before), ${wins.size} winners paid ${PRICE} once each, ${wrong.length} wrong`);

  const ledger = await verifyLedger();
  check("ledger verifies", ledger.mismatches.length === 0, `${ledger.members} balances, ${ledger.entries} entries, ${ledger.lots} lots, ${ledger.mismatches.length} mismatches`);

  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  console.log(`\n${REQUESTS} POST /api/v1/redemptions across 2 instances in ${stormMs.toFixed(0)} ms (p50 ${ms[Math.floor(ms.length / 2)]!.toFixed(0)} ms, max ${ms.at(-1)!.toFixed(0)} ms)`);
} catch (e) {
  crashed = e;
  check("storm ran to the end", false, String((e as Error)?.stack ?? e).split("\n").slice(0, 6).join(" | "));
} finally {
  await sql?.end({ timeout: 5 });
  await closeApp?.();
  const failedChecks = checks.some((c) => !c.ok);
  if (failedChecks || crashed) for (const s of servers) console.log(`\n--- server ${s.base} (last output) ---\n${s.output().slice(-3_000)}`);
  await Promise.all(servers.map((s) => s.stop()));
  await adminSql(`drop database if exists ${dbName} with (force)`).catch((e) => console.error(`could not drop ${dbName}: ${e}`));
}

const passed = checks.filter((c) => c.ok).length;
const failed = checks.length - passed;
console.log("\n| check | result | detail |\n| --- | --- | --- |");
for (const c of checks) console.log(`| ${c.name} | ${c.ok ? "ok" : "FAILED"} | ${c.detail} |`);
console.log(`\nredeem storm: ${passed} passed, ${failed} failed (${((performance.now() - started) / 1000).toFixed(1)} s)`);
if (report) {
  mkdirSync(path.dirname(report), { recursive: true });
  writeFileSync(report, JSON.stringify({ passed, failed, checks }, null, 2));
}
process.exit(failed || !passed ? 1 : 0);
