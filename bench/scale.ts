// npm run bench:scale -- --db jifen_scale [--batch-size 1000] [--sweep-batches N] [--release-batches N] [--no-verify-after]
//
// The background jobs at scale, on a database filled by `npm run seed:scale` (issue 7): how fast
// the ledger and wallet verifiers read (rows/s), how fast the expiry sweep writes `expire` entries
// (lots/s; the seed leaves a third of the members with an expired, unswept sign-up lot) and the
// release sweep frees due commissions (wallets/s; the seed leaves g%50=13 due, unreleased). The
// sweeps change the database (that is their job); the verifiers then run again to show they left
// it consistent. Prints a table and writes bench/results/scale-<db>.json. A script, not a test.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { closeDatabase, openPostgres, setDatabase } from "@/db/client";
import { dbUrl } from "./server";
import { cliOptions, loadAverage } from "../scripts/cli";

const args = cliOptions();
const DB = args.get("db");
if (!DB) {
  console.error("usage: npm run bench:scale -- --db <a database filled by seed:scale>");
  process.exit(2);
}
// Each sweep works through the whole backlog by default (set-based: ~1,000 lots or wallets/s at load ~10);
// --sweep-batches / --release-batches bound a run to a sample of its rate.
const BATCH = Number(args.get("batch-size") ?? 1000);
const batches = (name: string) => Number(args.get(name) ?? Infinity);
const SWEEP_BATCHES = batches("sweep-batches");
const RELEASE_BATCHES = batches("release-batches");
const bounded = (n: number) => (Number.isFinite(n) ? `${n} batches of ${BATCH}` : `all, batches of ${BATCH}`);
const load = loadAverage;

setDatabase(openPostgres(dbUrl(DB), 4));
const { verifyLedger } = await import("@/lib/points/verify-ledger");
const { verifyWallets } = await import("@/lib/distribution/verify-wallets");
const { sweepExpired } = await import("@/lib/points/sweep-expired");
const { sweepReleases } = await import("@/lib/distribution/sweep-releases");

interface Row {
  job: string;
  seconds: number;
  rows: number;
  unit: string;
  perSecond: number;
  result: string;
  loadAverage: string;
}
const rows: Row[] = [];
async function measure(job: string, unit: string, f: () => Promise<{ rows: number; result: string }>) {
  const before = load();
  const t = performance.now();
  const r = await f();
  const seconds = (performance.now() - t) / 1000;
  const row = { job, seconds: +seconds.toFixed(2), rows: r.rows, unit, perSecond: Math.round(r.rows / Math.max(seconds, 0.001)), result: r.result, loadAverage: `${before} → ${load()}` };
  rows.push(row);
  console.log(`${job}: ${row.rows.toLocaleString("en")} ${unit} in ${row.seconds} s (${row.perSecond.toLocaleString("en")}/s) — ${row.result} — load ${row.loadAverage}`);
}

const verifyBoth = async (when: string) => {
  await measure(`ledger:verify ${when}`, "entries", async () => {
    const r = await verifyLedger();
    return { rows: r.entries, result: `${r.members.toLocaleString("en")} balances, ${r.lots.toLocaleString("en")} lots, ${r.mismatches.length} mismatches` };
  });
  await measure(`wallet:verify ${when}`, "wallet entries", async () => {
    const r = await verifyWallets();
    return { rows: r.entries, result: `${r.wallets.toLocaleString("en")} wallets, ${r.commissions.toLocaleString("en")} commissions, ${r.mismatches.length} mismatches` };
  });
};

try {
  await verifyBoth("(as seeded)");
  await measure(`expiry sweep (${bounded(SWEEP_BATCHES)} members)`, "lots", async () => {
    const r = await sweepExpired({ batchSize: BATCH, maxBatches: SWEEP_BATCHES });
    return { rows: r.lots, result: `${r.points.toLocaleString("en")} points expired for ${r.members.toLocaleString("en")} members` };
  });
  await measure(`release sweep (${bounded(RELEASE_BATCHES)} wallets)`, "wallets", async () => {
    const r = await sweepReleases({ batchSize: BATCH, maxBatches: RELEASE_BATCHES });
    return { rows: r.wallets, result: `${r.cents.toLocaleString("en")} cents released` };
  });
  if (args.get("no-verify-after") !== "true") await verifyBoth("(after the sweeps)");
} finally {
  await closeDatabase();
}

console.log(`\n| job | rows | seconds | rows/s | result | load average (before → after) |\n| --- | --: | --: | --: | --- | --- |`);
for (const r of rows) console.log(`| ${r.job} | ${r.rows.toLocaleString("en")} ${r.unit} | ${r.seconds} | ${r.perSecond.toLocaleString("en")} | ${r.result} | ${r.loadAverage} |`);
mkdirSync("bench/results", { recursive: true });
writeFileSync(`bench/results/scale-${DB}.json`, JSON.stringify({ db: DB, cores: os.cpus().length, node: process.version, rows }, null, 2));
console.log(`\nwritten bench/results/scale-${DB}.json`);
process.exit(rows.some((r) => /[1-9]\d* mismatches/.test(r.result)) ? 1 : 0);
