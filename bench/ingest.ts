// npm run bench:ingest — orders/s and latency of POST /api/v1/orders through the real HTTP API on a
// production build against the machine's Postgres, next to pgbench TPC-B on the same machine in the
// same run. Prints a table and writes bench/results/ingest-<time>.json. A script, not a test.
//
//   BENCH_PG=postgres://postgres@127.0.0.1:5432 npm run bench:ingest -- --seconds 20 --concurrency 32 [--profile]
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import postgres from "postgres";

const args = Object.fromEntries(process.argv.slice(2).join(" ").split("--").filter(Boolean).map((a) => a.trim().split(/\s+/)).map(([k, v]) => [k, v ?? "true"]));
const seconds = Number(args.seconds ?? 20);
const concurrency = Number(args.concurrency ?? 32);
const members = Number(args.members ?? 200);
const port = Number(args.port ?? 3300);
const server = (process.env.BENCH_PG ?? "postgres://postgres@127.0.0.1:5432").replace(/\/$/, "");
const db = `jifen_bench_${Date.now().toString(36)}`;
const pgbenchDb = `${db}_pgbench`;
const key = "jf_bench_key_0123456789abcdefghij";

async function admin(sql: string) {
  const c = postgres(`${server}/postgres`, { max: 1, onnotice: () => {} });
  await c.unsafe(sql);
  await c.end();
}

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

async function waitFor(url: string, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not answer at ${url}`);
}

function pgbench(): { tps: number; latencyMs: number } {
  execFileSync("pgbench", ["-i", "-s", "10", "-q", `${server}/${pgbenchDb}`], { stdio: "ignore" });
  const out = execFileSync("pgbench", ["-c", String(concurrency), "-j", "2", "-T", String(seconds), `${server}/${pgbenchDb}`], { encoding: "utf8" });
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? NaN);
  const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1] ?? NaN);
  return { tps, latencyMs };
}

if (!existsSync(".next/BUILD_ID")) execFileSync("node_modules/.bin/next", ["build"], { stdio: "inherit" });
await admin(`create database ${db}`);
await admin(`create database ${pgbenchDb}`);
const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `${server}/${db}`, AUTH_SECRET: "bench-secret-0123456789abcdef", SEED_DEMO: "false", BOOTSTRAP_API_KEY: key, API_RATE_LIMIT_PER_MINUTE: "100000000", DB_POOL_MAX: "20", NODE_ENV: "production" };
// --profile: the app runs under V8's CPU profiler; the .cpuprofile lands in bench/results/profile
// when it stops (open it in Chrome DevTools, or aggregate self time by package).
const profileArgs = args.profile ? ["--cpu-prof", "--cpu-prof-dir=bench/results/profile"] : [];
const app = spawn(process.execPath, [...profileArgs, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "localhost"], { env, stdio: ["ignore", "ignore", "inherit"] });
try {
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health`);
  const headers = (idem: string) => ({ authorization: `Bearer ${key}`, "content-type": "application/json", "idempotency-key": idem });

  const memberIds: string[] = [];
  for (let i = 0; i < members; i++) {
    const r = await fetch(`${base}/api/v1/members`, { method: "POST", headers: headers(`m${i}`), body: JSON.stringify({ email: `bench${i}@bench.test` }) });
    memberIds.push(((await r.json()) as { id: string }).id);
  }
  // Warm-up: JIT, connection pool, query plans.
  for (let i = 0; i < 50; i++) await post(i, true);

  let n = 0;
  let errors = 0;
  const latencies: number[] = [];
  async function post(i: number, warm = false) {
    const body = {
      externalId: `${warm ? "W" : "B"}-${i}`,
      memberId: memberIds[i % memberIds.length],
      items: [{ sku: `SKU-${i % 50}`, category: "bench", quantity: 1 + (i % 3), unitPriceCents: 1999 + (i % 7) * 100, discountCents: i % 5 === 0 ? 200 : 0 }],
      shippingCents: 800,
    };
    const t = performance.now();
    const r = await fetch(`${base}/api/v1/orders`, { method: "POST", headers: headers(body.externalId), body: JSON.stringify(body) });
    await r.arrayBuffer();
    if (!warm) {
      latencies.push(performance.now() - t);
      if (r.status !== 201) errors++;
    }
  }
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) await post(n++);
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  app.kill("SIGTERM");
  const pg = pgbench();
  const result = {
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    settings: { seconds, concurrency, members },
    ingest: { orders: latencies.length, errors, ordersPerSecond: latencies.length / elapsed, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) },
    pgbench: { tps: pg.tps, latencyMs: pg.latencyMs },
    ratio: latencies.length / elapsed / pg.tps,
    at: new Date().toISOString(),
  };
  console.log("\n| what | throughput | p50 | p99 |\n| --- | --- | --- | --- |");
  console.log(`| POST /api/v1/orders (c=${concurrency}) | ${result.ingest.ordersPerSecond.toFixed(0)} orders/s | ${result.ingest.p50Ms.toFixed(1)} ms | ${result.ingest.p99Ms.toFixed(1)} ms |`);
  console.log(`| pgbench TPC-B (c=${concurrency}) | ${pg.tps.toFixed(0)} tps | ${pg.latencyMs.toFixed(1)} ms avg | |`);
  console.log(`\ningestion / pgbench = ${result.ratio.toFixed(2)} (target ≥ 0.5), errors ${errors}`);
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/ingest-${Date.now()}.json`, JSON.stringify(result, null, 2));
} finally {
  app.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1000));
  await admin(`drop database if exists ${db} with (force)`);
  await admin(`drop database if exists ${pgbenchDb} with (force)`);
}
