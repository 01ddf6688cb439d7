// Publishing, scheduling and rolling back rule versions against a real database: what was awarded
// never changes, the effective time splits orders exactly, rollback is a new version, drafts are
// per admin and a stale one is a conflict.
import { describe, expect, test } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, orders, pointEntries, pointLots, ruleDrafts, ruleVersions } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { getBalance } from "@/lib/points/get-balance";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { loadRuleset } from "../load-ruleset";
import { earningRuleSchema } from "../schema";
import { getRule } from "./get-rule";
import { listRules } from "./list-rules";
import { publishDraft } from "./publish-draft";
import { publishRule } from "./publish-rule";
import { rebaseDraft } from "./rebase-draft";
import { rollbackRule } from "./rollback-rule";
import { getDraft, saveDraft } from "./save-draft";
import { discardDraft } from "./discard-draft";
import { startRule } from "./start-rule";
import { newAdmin, newMember, order } from "./testing";

const T0 = new Date("2026-11-23T02:00:00Z"); // Monday 10:00 in Shanghai
const actor = "test";

const earning = (o: Record<string, unknown>) => earningRuleSchema.parse(o);
const versionsOf = (ruleKey: string) => db.select().from(ruleVersions).where(eq(ruleVersions.ruleKey, ruleKey)).orderBy(asc(ruleVersions.version));
const auditsOf = (ruleKey: string) => db.select().from(auditLog).where(and(eq(auditLog.targetType, "rule"), eq(auditLog.targetId, ruleKey))).orderBy(asc(auditLog.createdAt));

describe("publishing a rule version", () => {
  test("never changes points already awarded; later orders use the new version", async () => {
    const clock = freezeClock(T0);
    const admin = await newAdmin();
    const m = await newMember();
    const first = await ingestOrder(order(m, { externalId: "AWARDED-1" }), { actor });
    expect(first.points.awarded).toBe(110);
    const snapshot = async () => ({
      order: await db.select().from(orders).where(eq(orders.memberId, m)),
      entries: await db.select().from(pointEntries).where(eq(pointEntries.memberId, m)),
      lots: await db.select().from(pointLots).where(eq(pointLots.memberId, m)),
      balance: await getBalance(m),
    });
    const before = await snapshot();

    clock.advance(60_000);
    const v = await publishRule({ ruleKey: "earning", definition: earning({ pointsPerUnit: 2 }), effectiveAt: "now", action: "rule.publish" }, admin);
    expect(v).toMatchObject({ ruleKey: "earning", version: 2, kind: "earning", effectiveAt: new Date(T0.getTime() + 60_000), createdBy: admin.userId });
    expect(await snapshot()).toEqual(before);

    clock.advance(60_000);
    const second = await ingestOrder(order(m), { actor });
    expect(second.points.awarded).toBe(220);
    expect(second.points.ruleVersionIds).toContain(v.id);
    // The first order's ledger entry still names the version that produced it.
    expect(before.entries.find((e) => e.type === "earn")!.ruleVersionIds).not.toContain(v.id);
    // Audited in the same transaction, with before and after.
    const [a] = await auditsOf("earning");
    expect(a).toMatchObject({ action: "rule.publish", actorId: admin.userId, before: { version: 1, pointsPerUnit: 1 }, after: { version: 2, pointsPerUnit: 2 } });
  });

  test("a scheduled version splits orders exactly at its effective time (both edges)", async () => {
    const clock = freezeClock(new Date(T0.getTime() + DAY_MS));
    const admin = await newAdmin();
    const m = await newMember();
    const T = new Date("2026-11-25T16:00:00Z"); // Thursday 00:00 in Shanghai
    const old = await loadRuleset(T0);
    const v = await publishRule({ ruleKey: "earning", definition: earning({ pointsPerUnit: 3 }), effectiveAt: T, action: "rule.publish" }, admin);
    expect(v.version).toBe(3);
    expect((await getRule("earning", admin, new Date(T0.getTime() + DAY_MS))).versions[0]).toMatchObject({ version: 3, status: "scheduled" });
    expect((await listRules(new Date(T0.getTime() + DAY_MS), admin)).find((r) => r.ruleKey === "earning")).toMatchObject({ inForce: { version: 2 }, scheduled: [{ version: 3, effectiveAt: T }] });

    expect((await loadRuleset(new Date(T.getTime() - 1))).earning.id).not.toBe(v.id);
    expect((await loadRuleset(T)).earning.id).toBe(v.id);

    clock.set(new Date(T.getTime() + 3_600_000));
    const justBefore = await ingestOrder(order(m, { placedAt: new Date(T.getTime() - 1).toISOString() }), { actor });
    const atEdge = await ingestOrder(order(m, { placedAt: T.toISOString() }), { actor });
    expect(justBefore.points.awarded).toBe(220); // version 2: 2 points per ¥1
    expect(atEdge.points.awarded).toBe(330); // version 3: 3 points per ¥1
    expect(atEdge.points.ruleVersionIds).toContain(v.id);
    expect(justBefore.points.ruleVersionIds).not.toContain(v.id);
    expect(old.earning.definition.pointsPerUnit).toBe(1);
  });

  test("an effective time in the past is refused and writes nothing", async () => {
    freezeClock(new Date("2026-11-26T00:00:00Z"));
    const admin = await newAdmin();
    const count = (await versionsOf("earning")).length;
    await expect(
      publishRule({ ruleKey: "earning", definition: earning({}), effectiveAt: new Date("2026-11-25T23:59:59.999Z"), action: "rule.publish" }, admin),
    ).rejects.toMatchObject({ code: "invalid-request", errors: [{ path: "effectiveAt" }] });
    expect(await versionsOf("earning")).toHaveLength(count);
    expect((await auditsOf("earning")).filter((a) => a.actorId === admin.userId)).toEqual([]);
  });

  test("rollback creates version n+1 equal to the old definition", async () => {
    freezeClock(new Date("2026-11-27T00:00:00Z"));
    const admin = await newAdmin();
    const all = await versionsOf("earning");
    const n = all.at(-1)!.version;
    const v = await rollbackRule({ ruleKey: "earning", toVersion: 1 }, admin);
    expect(v.version).toBe(n + 1);
    expect(v.definition).toEqual(all[0]!.definition);
    expect(v.note).toBe("rollback to v1");
    expect((await loadRuleset(new Date("2026-11-27T00:00:00Z"))).earning.id).toBe(v.id);
    // The versions in between are untouched.
    expect((await versionsOf("earning")).slice(0, -1)).toEqual(all);
    expect((await auditsOf("earning")).at(-1)).toMatchObject({ action: "rule.rollback", after: { version: n + 1, pointsPerUnit: 1 } });
    const detail = await getRule("earning", admin, new Date("2026-11-27T00:00:00Z"));
    expect(detail.versions.map((x) => [x.version, x.status])).toEqual([
      [n + 1, "in-force"],
      [n, "past"],
      [n - 1, "past"],
      [1, "past"],
    ]);
    await expect(rollbackRule({ ruleKey: "earning", toVersion: 99 }, admin)).rejects.toMatchObject({ code: "not-found" });
  });

  test("publishing now over a scheduled version shows that version as superseded (never in force)", async () => {
    const clock = freezeClock(new Date("2026-11-28T00:00:00Z"));
    const admin = await newAdmin();
    const later = await publishRule({ ruleKey: "action.review", definition: { name: { en: "Review", "zh-CN": "评价" }, points: 20 }, effectiveAt: new Date("2026-12-05T00:00:00Z"), action: "rule.publish" }, admin);
    clock.advance(1000);
    const nowV = await publishRule({ ruleKey: "action.review", definition: { name: { en: "Review", "zh-CN": "评价" }, points: 15 }, effectiveAt: "now", action: "rule.publish" }, admin);
    const detail = await getRule("action.review", admin, new Date("2026-11-28T00:00:01Z"));
    expect(detail.versions.map((x) => [x.version, x.status])).toEqual([
      [nowV.version, "in-force"],
      [later.version, "superseded"],
      [1, "past"],
    ]);
    expect((await loadRuleset(new Date("2026-12-06T00:00:00Z"))).actions.find((a) => a.ruleKey === "action.review")!.id).toBe(nowV.id);
  });
});

describe("drafts", () => {
  test("saved as typed even when invalid, one per key per admin, refused at publish while invalid", async () => {
    freezeClock(new Date("2026-11-29T00:00:00Z"));
    const a = await newAdmin("a");
    const b = await newAdmin("b");
    const bad = await saveDraft({ ruleKey: "distribution", definition: { depth: 4, levelRatesBps: [1000, -5, 20000] } }, a);
    expect(bad.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["definition.depth", "definition.levelRatesBps.1", "definition.levelRatesBps.2"]));
    expect((await getDraft("distribution", a))!.definition).toEqual({ depth: 4, levelRatesBps: [1000, -5, 20000] });
    const before = await versionsOf("distribution");
    await expect(publishDraft({ ruleKey: "distribution", effectiveAt: "now" }, a)).rejects.toMatchObject({ code: "invalid-request", errors: expect.arrayContaining([{ path: "definition.depth", message: expect.any(String) }]) });
    expect(await versionsOf("distribution")).toEqual(before);
    expect(await getDraft("distribution", a)).not.toBeNull();

    // A second save replaces the first (one draft per key per admin); b's draft is separate.
    await saveDraft({ ruleKey: "distribution", definition: { depth: 2, levelRatesBps: [1200, 600] } }, a);
    await saveDraft({ ruleKey: "distribution", definition: { depth: 1, levelRatesBps: [500] } }, b);
    expect(await db.select().from(ruleDrafts).where(eq(ruleDrafts.ruleKey, "distribution"))).toHaveLength(2);

    const v = await publishDraft({ ruleKey: "distribution", effectiveAt: "now", note: "12/6" }, a);
    expect(v).toMatchObject({ version: before.length + 1, note: "12/6", definition: { depth: 2, levelRatesBps: [1200, 600] } });
    expect(await getDraft("distribution", a)).toBeNull();

    // b started from the version before a's publish: a conflict, not a silent overwrite.
    await expect(publishDraft({ ruleKey: "distribution", effectiveAt: "now" }, b)).rejects.toMatchObject({ code: "conflict", params: { latest: v.version, base: before.length } });
    expect((await getRule("distribution", b, new Date("2026-11-29T00:00:00Z"))).draft).toMatchObject({ stale: true, baseVersion: before.length });
    expect(await rebaseDraft("distribution", b)).toBe(v.version);
    const w = await publishDraft({ ruleKey: "distribution", effectiveAt: "now" }, b);
    expect(w.version).toBe(v.version + 1);
    expect(await discardDraft("distribution", b)).toBe(false);
  });

  test("a new campaign or action starts as a draft; its key has no version until published", async () => {
    freezeClock(new Date("2026-11-30T00:00:00Z"));
    const a = await newAdmin();
    const { ruleKey } = await startRule({ kind: "campaign", slug: "Winter-Sale", name: { en: "Winter sale", "zh-CN": "冬季促销" } }, a);
    expect(ruleKey).toBe("campaign.winter-sale");
    expect(await versionsOf(ruleKey)).toEqual([]);
    const detail = await getRule(ruleKey, a, new Date("2026-11-30T00:00:00Z"));
    expect(detail).toMatchObject({ kind: "campaign", versions: [], inForce: null, draft: { issues: [], baseVersion: null, stale: false } });
    expect((await listRules(new Date("2026-11-30T00:00:00Z"), a)).find((r) => r.ruleKey === ruleKey)).toMatchObject({ inForce: null, hasDraft: true });
    const v = await publishDraft({ ruleKey, effectiveAt: "now" }, a);
    expect(v.version).toBe(1);
    await expect(startRule({ kind: "campaign", slug: "winter-sale", name: { en: "x", "zh-CN": "x" } }, a)).rejects.toMatchObject({ code: "duplicate", errors: [{ path: "slug" }] });
    await expect(startRule({ kind: "campaign", slug: "no spaces", name: { en: "x", "zh-CN": "x" } }, a)).rejects.toMatchObject({ code: "invalid-request", errors: [{ path: "slug" }] });
    const action = await startRule({ kind: "action", slug: "app.install", name: { en: "App installed", "zh-CN": "安装应用" } }, a);
    expect(action.ruleKey).toBe("action.app.install");
    await discardDraft(action.ruleKey, a);
    await expect(getRule(action.ruleKey, a, new Date())).rejects.toMatchObject({ code: "not-found" });
  });
});
