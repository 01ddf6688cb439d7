// Concurrent publishing on real Postgres (separate connections, READ COMMITTED): admins publishing
// the same key at once get consecutive versions, or a clear conflict — never a duplicate number, a
// gap, or a silent overwrite of a change they had not seen.
import { describe, expect, test } from "vitest";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, ruleVersions } from "@/db/schema";
import { onPostgres } from "@/db/testing/database";
import { freezeClock } from "@/lib/clock";
import { isDomainError } from "@/lib/errors";
import { publishDraft } from "./publish-draft";
import { publishRule } from "./publish-rule";
import { saveDraft } from "./save-draft";
import { newAdmin } from "./testing";

const versions = async (ruleKey: string) =>
  (await db.select({ v: ruleVersions.version }).from(ruleVersions).where(eq(ruleVersions.ruleKey, ruleKey)).orderBy(asc(ruleVersions.version))).map((r) => r.v);
const share = (points: number) => ({ name: { en: "Share", "zh-CN": "分享" }, points, maxPerMemberPerDay: 3 });

describe.skipIf(!onPostgres())("concurrent publish (Postgres)", () => {
  test("two admins publishing the same key at once get consecutive versions", async () => {
    freezeClock(new Date("2026-11-23T02:00:00Z"));
    const [a, b] = [await newAdmin("a"), await newAdmin("b")];
    const results = await Promise.all([
      publishRule({ ruleKey: "action.share", definition: share(3), effectiveAt: "now", action: "rule.publish" }, a),
      publishRule({ ruleKey: "action.share", definition: share(4), effectiveAt: "now", action: "rule.publish" }, b),
    ]);
    expect(results.map((r) => r.version).sort()).toEqual([2, 3]);
    expect(await versions("action.share")).toEqual([1, 2, 3]);
  });

  test("a burst of publishes: consecutive numbers for the ones that land, a conflict for the rest, nothing half-written", async () => {
    const admins = await Promise.all(Array.from({ length: 8 }, (_, i) => newAdmin(`burst${i}`)));
    const before = await versions("action.share");
    const settled = await Promise.allSettled(admins.map((a, i) => publishRule({ ruleKey: "action.share", definition: share(10 + i), effectiveAt: "now", action: "rule.publish" }, a)));
    const ok = settled.filter((s) => s.status === "fulfilled").map((s) => s.value.version);
    const failed = settled.filter((s) => s.status === "rejected").map((s) => s.reason);
    for (const e of failed) expect(isDomainError(e) && e.code).toBe("conflict");
    expect(ok.length).toBeGreaterThanOrEqual(5);
    const last = before.at(-1)!;
    expect(ok.sort((x, y) => x - y)).toEqual(Array.from({ length: ok.length }, (_, i) => last + 1 + i));
    expect(await versions("action.share")).toEqual([...before, ...ok]);
    const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, "action.share"));
    expect(audits.filter((x) => admins.some((a) => a.userId === x.actorId))).toHaveLength(ok.length);
  });

  test("two drafts started from the same version, published at once: one lands, the other is a conflict", async () => {
    const [a, b] = [await newAdmin("da"), await newAdmin("db")];
    await saveDraft({ ruleKey: "action.review", definition: { name: { en: "Review", "zh-CN": "评价" }, points: 11 } }, a);
    await saveDraft({ ruleKey: "action.review", definition: { name: { en: "Review", "zh-CN": "评价" }, points: 12 } }, b);
    const settled = await Promise.allSettled([publishDraft({ ruleKey: "action.review", effectiveAt: "now" }, a), publishDraft({ ruleKey: "action.review", effectiveAt: "now" }, b)]);
    expect(settled.filter((s) => s.status === "fulfilled").map((s) => s.value.version)).toEqual([2]);
    const [rejected] = settled.filter((s) => s.status === "rejected").map((s) => s.reason);
    expect(rejected).toMatchObject({ code: "conflict", params: { latest: 2, base: 1 } });
    expect(await versions("action.review")).toEqual([1, 2]);
  });

  test("two ambiguous campaigns published at once: one lands, the other is refused naming it", async () => {
    const [a, b] = [await newAdmin("ca"), await newAdmin("cb")];
    const campaign = (en: string) => ({ name: { en, "zh-CN": en }, startsAt: "2027-02-01T00:00", endsAt: "2027-02-08T00:00", award: { kind: "multiplier", bps: 20_000 }, stacking: "best-only", priority: 42 });
    const settled = await Promise.allSettled([
      publishRule({ ruleKey: "campaign.race-a", definition: campaign("A"), effectiveAt: "now", action: "rule.publish" }, a),
      publishRule({ ruleKey: "campaign.race-b", definition: campaign("B"), effectiveAt: "now", action: "rule.publish" }, b),
    ]);
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    const [rejected] = settled.filter((s) => s.status === "rejected").map((s) => s.reason);
    expect(rejected).toMatchObject({ code: "invalid-request", errors: [{ path: "definition.priority", message: expect.stringMatching(/campaign\.race-[ab]/) }] });
  });
});
