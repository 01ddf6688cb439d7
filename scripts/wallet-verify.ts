// npm run wallet:verify — recomputes every distributor wallet from its history; exits 1 on any mismatch.
import { closeDatabase, handle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { env } from "@/lib/env";
import { verifyRankTotals } from "@/lib/distribution/rank-totals";
import { verifyWallets } from "@/lib/distribution/verify-wallets";

await runMigrations(handle(), env.DATABASE_URL);
const started = performance.now();
const result = await verifyWallets();
const seconds = (performance.now() - started) / 1000;
console.log(`checked ${result.wallets} wallets, ${result.entries} entries, ${result.commissions} commissions in ${seconds.toFixed(2)}s`);
for (const m of result.mismatches) console.log(`MISMATCH ${m.check} ${m.id}: ${m.detail}`);
// The leaderboard totals against the commissions they sum.
const ranks = await verifyRankTotals();
for (const m of ranks) console.log(`MISMATCH rank-totals ${m.period} ${m.periodStart} ${m.distributorId}: stored ${JSON.stringify(m.stored)}, commissions say ${JSON.stringify(m.expected)}`);
await closeDatabase();
if (result.mismatches.length || ranks.length) {
  console.log(`${result.mismatches.length + ranks.length} mismatch(es)`);
  process.exit(1);
}
console.log("wallets OK");
