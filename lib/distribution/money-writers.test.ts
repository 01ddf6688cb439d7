// Who may write distribution money: commissions, wallets and their history only through wallet.ts
// (called by ingestion/refunds via record-commissions.ts, and by withdrawals). A new writer
// elsewhere — say, a sign-up bonus paid in cash — fails this test and needs a deliberate review.
// Reviewed exception: scripts/seed-scale.ts bulk-loads a synthetic programme into an empty
// benchmark database set-based (it cannot afford a transaction per commission) and leaves
// `npm run wallet:verify` clean; it is never run against a live database (it refuses one with members).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SKIP = new Set(["node_modules", ".next", ".git", "e2e", "migrations"]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name) || name.startsWith(".")) return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const files = ["app", "lib", "db", "scripts", "components"].flatMap((d) => sources(path.join(ROOT, d))).map((f) => ({ rel: path.relative(ROOT, f), text: readFileSync(f, "utf8") }));
const SEED_SCALE = "scripts/seed-scale.ts";
const writers = (pattern: RegExp) => files.filter((f) => pattern.test(f.text)).map((f) => f.rel).sort();

describe("distribution money has exactly one writer per table", () => {
  test.each([
    { table: "commissions (insert)", pattern: /\.insert\(\s*commissions\s*\)|insert\s+into\s+commissions/i, allowed: ["lib/distribution/wallet.ts", SEED_SCALE] },
    { table: "commissions (update)", pattern: /\.update\(\s*commissions\s*\)|update\s+commissions\s/i, allowed: ["lib/distribution/wallet.ts"] },
    { table: "wallet_entries", pattern: /\.insert\(\s*walletEntries\s*\)|into\s+wallet_entries/i, allowed: ["lib/distribution/wallet.ts", SEED_SCALE] },
    { table: "distributor_wallets", pattern: /\.(insert|update)\(\s*distributorWallets\s*\)|(into|update)\s+distributor_wallets/i, allowed: ["lib/distribution/wallet.ts", SEED_SCALE] },
    // The leaderboard totals: wallet.ts (with each commission write) through rank-totals.ts (deltas and the rebuild).
    { table: "distributor_rank_totals", pattern: /\.(insert|update|delete)\(\s*distributorRankTotals\s*\)|(into|update)\s+distributor_rank_totals/i, allowed: ["lib/distribution/rank-totals.ts", "lib/distribution/wallet.ts"] },
  ])("$table", ({ pattern, allowed }) => {
    expect(writers(pattern)).toEqual(allowed);
  });
});
