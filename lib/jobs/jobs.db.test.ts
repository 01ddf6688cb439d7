import { describe, expect, test } from "vitest";
import { backgroundJobs } from "./background";
import { maintenanceSteps } from "./maintenance";
import { runSteps } from "./runner";
import { withTryLock } from "./try-lock";

const quiet = { log: () => {} };

describe("withTryLock", () => {
  test("runs the work and hands back its value; the same name while it runs is skipped, another name is not", async () => {
    const outer = await withTryLock("test-a", async () => {
      const same = await withTryLock("test-a", async () => "inner ran");
      const other = await withTryLock("test-b", async () => "b ran");
      return { same, other };
    });
    expect(outer).toEqual({ ran: true, value: { same: { ran: false }, other: { ran: true, value: "b ran" } } });
  });

  test("the lock is released when the work ends, also when it throws", async () => {
    await expect(withTryLock("test-c", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await withTryLock("test-c", async () => 1)).toEqual({ ran: true, value: 1 });
    expect(await withTryLock("test-c", async () => 2)).toEqual({ ran: true, value: 2 });
  });
});

describe("the maintenance steps", () => {
  test("all run on a database (the same list `npm run maintenance` runs)", async () => {
    const steps = maintenanceSteps({ batchSize: 10, maxBatches: 2 });
    expect(steps.map((s) => s.name)).toEqual(["expire-points", "release-commissions", "scheduled-grants", "tier-overrides", "prune-idempotency-keys", "prune-rate-limits"]);
    expect(Object.values(await runSteps(steps, quiet))).toEqual(steps.map(() => "ran"));
  });

  test("a step another runner holds is skipped, the others run", async () => {
    const steps = maintenanceSteps({ batchSize: 10, maxBatches: 2 });
    const held = await withTryLock("release-commissions", () => runSteps(steps, quiet));
    expect(held).toEqual({ ran: true, value: { "expire-points": "ran", "release-commissions": "skipped", "scheduled-grants": "ran", "tier-overrides": "ran", "prune-idempotency-keys": "ran", "prune-rate-limits": "ran" } });
  });

  test("the background analytics step refreshes the rollups, at most about once a minute across instances", async () => {
    const [analytics] = backgroundJobs("pglite");
    const refresh = analytics!.steps[0]!;
    expect(await refresh.run()).toMatch(/^analytics: refreshed \d+ day\(s\)$/);
    expect(await refresh.run()).toBe("analytics: fresh enough or being refreshed");
  });
});
