// npm run points:sweep — writes `expire` entries for lots past their expiry, in batches.
// Balances never wait for it (expiry is derived at read time); it keeps the ledger's record complete.
import { closeDatabase, handle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { env } from "@/lib/env";
import { sweepExpired } from "@/lib/points/sweep-expired";

await runMigrations(handle(), env.DATABASE_URL);
const started = performance.now();
const result = await sweepExpired({ batchSize: 1000, log: (s) => console.log(s) });
const seconds = (performance.now() - started) / 1000;
console.log(`expired ${result.lots} lots (${result.points} points) for ${result.members} members in ${seconds.toFixed(2)}s (${Math.round(result.lots / Math.max(seconds, 0.001))} lots/s)`);
await closeDatabase();
