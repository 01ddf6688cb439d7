// npm run tiers:review — the end-of-period tier review (downgrades by the policy in force).
import { closeDatabase, handle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { env } from "@/lib/env";
import { reviewTiers } from "@/lib/members/review-tiers";

await runMigrations(handle(), env.DATABASE_URL);
const result = await reviewTiers({ log: (s) => console.log(s) });
console.log(`tier review: ${result.reviewed} members, ${result.upgraded} up, ${result.downgraded} down`);
await closeDatabase();
