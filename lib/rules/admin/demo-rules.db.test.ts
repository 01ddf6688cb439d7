// The demo starts in a state the editor accepts: every rule in force or scheduled passes the same
// validation as a publish (schema and the ambiguous-campaign check), so an admin can edit any of them.
import { expect, test } from "vitest";
import { seed } from "@/db/seed";
import { db } from "@/db/client";
import { ruleVersions } from "@/db/schema";
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
