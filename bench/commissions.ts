// npx tsx bench/commissions.ts — what commissions add to order ingestion: the same orders ingested
// in process (no HTTP) for buyers without an upline and for buyers under a two-level chain, on the
// machine's Postgres, interleaved order by order so both see the same cache and load. Also a "hot"
// case: every buyer under ONE chain, so their orders queue on the same two wallet rows. A script,
// not a test.
//
// Prints the ratio chain / none (the "commission calculation adds < 20 % to order ingestion")
// with the load average, so a figure can be judged against how busy the machine was.
//
//   BENCH_PG=postgres://postgres@127.0.0.1:5432 npm run bench:commissions -- --orders 2000 --concurrency 16
import { execFileSync } from "node:child_process";
import os from "node:os";
import postgres from "postgres";
import { openPostgres, setDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { distributorChain, newMember, testOrder } from "@/lib/distribution/testing";
import { verifyWallets } from "@/lib/distribution/verify-wallets";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { ensureDefaultRules } from "@/lib/rules/load-ruleset";

const args = Object.fromEntries(process.argv.slice(2).join(" ").split("--").filter(Boolean).map((a) => a.trim().split(/\s+/)).map(([k, v]) => [k, v ?? "true"]));
const perRound = Number(args.orders ?? 2000);
const concurrency = Number(args.concurrency ?? 16);
const server = (process.env.BENCH_PG ?? "postgres://postgres@127.0.0.1:5432").replace(/\/$/, "");
const name = process.env.BENCH_DB ?? `jifen_bench_comm_${Date.now().toString(36)}`; // BENCH_DB: a name of your own on a shared server

async function admin(q: string) {
  const c = postgres(`${server}/postgres`, { max: 1, onnotice: () => {} });
  await c.unsafe(q);
  await c.end();
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

await admin(`create database ${name}`);
const h = openPostgres(`${server}/${name}`, concurrency + 4);
try {
  await runMigrations(h, `${server}/${name}`);
  setDatabase(h);
  await ensureDefaultRules();
  const plain = await Promise.all(Array.from({ length: 200 }, () => newMember()));
  const chains = await Promise.all(Array.from({ length: 100 }, () => distributorChain(2)));
  const referred = await Promise.all(Array.from({ length: 200 }, (_, i) => newMember(chains[i % chains.length]![1]!.code)));
  const [, hotMid] = await distributorChain(2);
  const hot = await Promise.all(Array.from({ length: 200 }, () => newMember(hotMid!.code)));

  let seq = 0;
  // Orders of the three kinds interleaved one by one, so drift in machine load hits all alike.
  const kinds = { none: plain, chain: referred, hot } as const;
  type Kind = keyof typeof kinds;
  const lat: Record<Kind, number[]> = { none: [], chain: [], hot: [] };
  async function run(n: number, record: boolean) {
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < n) {
          const i = next++;
          const kind = (["none", "chain", "hot"] as const)[i % 3]!;
          const buyers = kinds[kind];
          const o = testOrder(buyers[Math.floor(i / 3) % buyers.length]!, { externalId: `B-${seq++}`, items: [{ sku: `SKU-${i % 50}`, category: "bench", quantity: 1 + (i % 3), unitPriceCents: 1999 + (i % 7) * 100 }], shippingCents: 800 });
          const t = performance.now();
          await ingestOrder(o, { actor: "bench" });
          if (record) lat[kind].push(performance.now() - t);
        }
      }),
    );
    return n / ((performance.now() - t0) / 1000);
  }

  await run(300, false); // warm-up: JIT, pool, plans
  const perSecond = await run(perRound * 3, true);
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { p50: pct(s, 50), p90: pct(s, 90), mean: s.reduce((a, b) => a + b, 0) / s.length };
  };
  const row = (label: string, k: Kind) => {
    const x = stats(lat[k]);
    return `| ${label} | ${lat[k].length} | ${x.p50.toFixed(2)} ms | ${x.p90.toFixed(2)} ms | ${x.mean.toFixed(2)} ms |`;
  };
  console.log(`\n${perRound * 3} orders interleaved, concurrency ${concurrency}, ${perSecond.toFixed(0)} orders/s overall\n`);
  console.log("| buyers | orders | p50 | p90 | mean |\n| --- | --- | --- | --- | --- |");
  console.log(row("no upline (no commission)", "none"));
  console.log(row("under 100 two-level chains (2 commissions)", "chain"));
  console.log(row("all under one chain (2 hot wallets)", "hot"));
  const none = stats(lat.none);
  const chain = stats(lat.chain);
  console.log(`\ncommission overhead: p50 ${(((chain.p50 - none.p50) / none.p50) * 100).toFixed(1)} %, mean ${(((chain.mean - none.mean) / none.mean) * 100).toFixed(1)} % (target < 20 %)`);
  console.log(`ratio with 2-level upline / without: p50 ${(chain.p50 / none.p50).toFixed(3)}, mean ${(chain.mean / none.mean).toFixed(3)} (target < 1.2)`);
  let uptime = "";
  try {
    uptime = execFileSync("uptime", { encoding: "utf8" }).trim();
  } catch {
    uptime = `load average ${os.loadavg().map((x) => x.toFixed(2)).join(", ")}`;
  }
  console.log(`node ${process.version}; ${os.cpus().length} cores; ${uptime}`);
  const v = await verifyWallets();
  console.log(`wallets verified: ${v.wallets} wallets, ${v.commissions} commissions, ${v.mismatches.length} mismatches`);
} finally {
  await h.close();
  await admin(`drop database if exists ${name} with (force)`);
}
