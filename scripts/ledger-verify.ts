// npm run ledger:verify — recomputes every balance from the ledger; exits 1 on any mismatch.
import { closeDatabase, handle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { env } from "@/lib/env";
import { verifyLedger } from "@/lib/points/verify-ledger";

await runMigrations(handle(), env.DATABASE_URL);
const started = performance.now();
const result = await verifyLedger();
const seconds = (performance.now() - started) / 1000;
console.log(`checked ${result.members} balances, ${result.entries} entries, ${result.lots} lots in ${seconds.toFixed(2)}s (${Math.round(result.entries / Math.max(seconds, 0.001))} entries/s)`);
for (const m of result.mismatches) console.log(`MISMATCH ${m.check} ${m.id}: ${m.detail}`);
await closeDatabase();
if (result.mismatches.length) {
  console.log(`${result.mismatches.length} mismatch(es)`);
  process.exit(1);
}
console.log("ledger OK");
