// The demo starts in a state the editor accepts: every rule in force or scheduled passes the same
// validation as a publish (schema and the ambiguous-campaign check), so an admin can edit any of them.
import { expect, test } from "vitest";
import { seed } from "@/db/seed";
import { db } from "@/db/client";
import { eq } from "drizzle-orm";
import { ruleVersions, users } from "@/db/schema";
import { earningRuleSchema } from "../schema";
import { runBacktest, type BacktestResults } from "./run-backtest";
import { startBacktest } from "./start-backtest";
import { now } from "@/lib/clock";
import { validateRule } from "./validate-rule";
import { versionStatuses } from "./version-status";

test("every demo rule in force or scheduled passes the editor's validation", async () => {
  await seed({ log: () => {} });
  const rows = await db.select().from(ruleVersions);
  const at = now();
  const live = [...new Set(rows.map((r) => r.ruleKey))].flatMap((key) => {
    const vs = rows.filter((r) => r.ruleKey === key);
    const status = versionStatuses(vs, at);
    return vs.filter((v) => status.get(v.version) === "in-force" || status.get(v.version) === "scheduled");
  });
  expect(live.some((r) => r.kind === "campaign")).toBe(true);
  for (const r of live) {
    const check = await validateRule(r.ruleKey, r.definition, { at });
    expect(check.issues, `${r.ruleKey} v${r.version}`).toEqual([]);
  }
});

test("a backtest over the demo's orders replays exactly what ingestion issued (points and commissions)", async () => {
  const [admin] = await db.select({ userId: users.id, email: users.email }).from(users).where(eq(users.email, "admin@demo.jifen.dev"));
  const run = await startBacktest({ ruleKey: "earning", definition: earningRuleSchema.parse({ pointsPerUnit: 2 }), days: 120 }, admin!);
  expect(run.total).toBeGreaterThan(200);
  const done = await runBacktest(run.id, { batchSize: 64 });
  const r = done.results as unknown as BacktestResults;
  expect(done.status).toBe("done");
  expect(r).toMatchObject({ orders: run.total, skipped: 0, mismatches: 0, before: r.issued });
  expect(r.commission.before).toBe(r.commission.paid);
  expect(r.after).toBeGreaterThan(r.before);
});
