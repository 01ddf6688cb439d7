// npm run bench:instances -- --db jifen_scale [--seconds 15] [--connections 16]
//
// Two things issue 7 asks about the app process under load, on a database filled by
// `npm run seed:scale`: (1) its memory — resident set of the `next start` process group, idle,
// at its peak under load and after — and (2) whether a second instance on the same database
// scales reads. The same read (`GET /api/v1/members/{id}`, API key) is sent by autocannon at the
// same total concurrency to one instance, then split over two. autocannon runs as its own process
// (its CPU competes with the servers on a small machine: read the load average beside the figures).
// Prints a table and writes bench/results/instances.json. A script, not a test.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dbUrl, ensureBuild, groupRss, startServer, type AppServer } from "./server";
import { cliOptions, loadAverage } from "../scripts/cli";

const args = cliOptions();
const DB = args.get("db");
if (!DB) {
  console.error("usage: npm run bench:instances -- --db <a database filled by seed:scale>");
  process.exit(2);
}
const SECONDS = Number(args.get("seconds") ?? 15);
const CONNECTIONS = Number(args.get("connections") ?? 16);
const KEY = `jf_bench_${randomBytes(12).toString("hex")}`;
const load = loadAverage;
const mb = (bytes: number) => Math.round(bytes / 1048576);

/** Member g of seed:scale: md5('member-' || g) read as a uuid. */
function seededMember(g: number): string {
  const h = createHash("md5").update(`member-${g}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

interface CannonResult {
  latency: { p50: number; p99: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

function autocannon(target: string, seconds: number, connections: number): Promise<CannonResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/autocannon", ["-j", "-c", String(connections), "-d", String(seconds), "-H", `authorization:Bearer ${KEY}`, target], { stdio: ["ignore", "pipe", "pipe"] });
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

/** Runs `f` while sampling the servers' resident memory every 250 ms; returns f's result and each server's peak. */
async function sampled<T>(servers: AppServer[], f: () => Promise<T>): Promise<{ result: T; peak: number[] }> {
  const peak = servers.map((s) => groupRss(s.pid));
  const timer = setInterval(() => servers.forEach((s, i) => (peak[i] = Math.max(peak[i]!, groupRss(s.pid)))), 250);
  try {
    return { result: await f(), peak };
  } finally {
    clearInterval(timer);
  }
}

interface Row {
  setup: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  rssIdleMb: number[];
  rssPeakMb: number[];
  rssAfterMb: number[];
  loadAverage: string;
}
const rows: Row[] = [];

ensureBuild();
const path = `/api/v1/members/${seededMember(12_345)}`;
const servers: AppServer[] = [];
try {
  const extra = { BOOTSTRAP_API_KEY: KEY, DB_POOL_MAX: "10" };
  servers.push(await startServer(0, dbUrl(DB), extra));
  const probe = await fetch(`${servers[0]!.base}${path}`, { headers: { authorization: `Bearer ${KEY}` } });
  if (probe.status !== 200) throw new Error(`GET ${path} → ${probe.status}: ${(await probe.text()).slice(0, 300)} (is ${DB} a seed:scale database?)`);
  await autocannon(`${servers[0]!.base}${path}`, 3, 4); // warm-up

  const one = async () => {
    const idle = servers.slice(0, 1).map((s) => groupRss(s.pid));
    const before = load();
    const { result, peak } = await sampled(servers.slice(0, 1), () => autocannon(`${servers[0]!.base}${path}`, SECONDS, CONNECTIONS));
    rows.push({ setup: "one instance", reqPerSec: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts,
      rssIdleMb: idle.map(mb), rssPeakMb: peak.map(mb), rssAfterMb: servers.slice(0, 1).map((s) => mb(groupRss(s.pid))), loadAverage: `${before} → ${load()}` });
  };
  await one();

  servers.push(await startServer(0, dbUrl(DB), extra));
  await autocannon(`${servers[1]!.base}${path}`, 3, 4); // warm-up
  const idle = servers.map((s) => groupRss(s.pid));
  const before = load();
  const { result, peak } = await sampled(servers, () => Promise.all(servers.map((s) => autocannon(`${s.base}${path}`, SECONDS, Math.ceil(CONNECTIONS / 2)))));
  rows.push({
    setup: "two instances (same total connections)",
    reqPerSec: Math.round(result.reduce((s, r) => s + r.requests.average, 0)),
    p50: Math.max(...result.map((r) => r.latency.p50)),
    p99: Math.max(...result.map((r) => r.latency.p99)),
    non2xx: result.reduce((s, r) => s + r.non2xx, 0),
    errors: result.reduce((s, r) => s + r.errors + r.timeouts, 0),
    rssIdleMb: idle.map(mb),
    rssPeakMb: peak.map(mb),
    rssAfterMb: servers.map((s) => mb(groupRss(s.pid))),
    loadAverage: `${before} → ${load()}`,
  });
  // Memory after a longer run on one instance: does it come back down (no growth per request)?
  await one();
  rows[rows.length - 1]!.setup = "one instance again (after both runs)";
} finally {
  await Promise.all(servers.map((s) => s.stop()));
}

console.log(`\nGET ${path} (API key), ${CONNECTIONS} connections in total, ${SECONDS} s each; ${os.cpus().length} cores, Node ${process.version}`);
console.log(`| setup | req/s | p50 ms | p99 ms | non-2xx | errors | RSS idle MB | RSS peak MB | RSS after MB | load average (before → after) |\n| --- | --: | --: | --: | --: | --: | --: | --: | --: | --- |`);
for (const r of rows) console.log(`| ${r.setup} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${r.rssIdleMb.join(" + ")} | ${r.rssPeakMb.join(" + ")} | ${r.rssAfterMb.join(" + ")} | ${r.loadAverage} |`);
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/instances.json", JSON.stringify({ db: DB, path, seconds: SECONDS, connections: CONNECTIONS, cores: os.cpus().length, node: process.version, rows }, null, 2));
console.log("\nwritten bench/results/instances.json");
