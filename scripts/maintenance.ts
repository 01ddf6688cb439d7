// npm run maintenance — the housekeeping a deployment runs from cron (e.g. hourly): writes the
// `expire` entries for lapsed points and the pending → available flip of freed-up commissions, runs
// the scheduled grants due today (birthday gifts; each pays a member at most once per period), and
// ends expired tier overrides, drops idempotency keys and rate-limit windows that are past their retention. Every step is idempotent and safe on several instances at once.
import { closeDatabase, handle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { pruneIdempotencyKeys } from "@/lib/api/idempotency";
import { sweepReleases } from "@/lib/distribution/sweep-releases";
import { env } from "@/lib/env";
import { expireTierOverrides } from "@/lib/members/tier-override";
import { sweepExpired } from "@/lib/points/sweep-expired";
import { pruneRateLimits } from "@/lib/rate-limit";
import { runDueGrants } from "@/lib/scheduled-grants/run-grants";

await runMigrations(handle(), env.DATABASE_URL);
const swept = await sweepExpired({ batchSize: 1000 });
console.log(`expired ${swept.lots} lots (${swept.points} points)`);
const released = await sweepReleases({ batchSize: 1000 });
console.log(`released commissions in ${released.wallets} wallets (${released.cents} cents)`);
const grants = await runDueGrants({ log: (s) => console.log(s) });
console.log(`scheduled grants run: ${grants.length} (${grants.reduce((s, r) => s + r.granted, 0)} members paid)`);
console.log(`tier overrides ended: ${await expireTierOverrides()}`);
console.log(`idempotency keys pruned: ${JSON.stringify(await pruneIdempotencyKeys())}`);
await pruneRateLimits();
console.log("rate-limit windows pruned");
await closeDatabase();
