// The demo programme: staff, a 3-level distributor chain with members under it, 60 members,
// 40 rewards with images, and (through the real ingestion use case) a few hundred orders over the
// last 90 days. Deterministic: fixed ids (UUIDv5 of a key), data from db/seed-data, and a seeded
// pseudo-random generator for the order history.
import { sql } from "drizzle-orm";
import { v5 as uuidv5 } from "uuid";
import { db, type Tx } from "@/db/client";
import { appMeta, members, rewards, ruleVersions, users } from "@/db/schema";
import { refreshRollups } from "@/lib/admin/analytics/refresh-rollups";
import { hashPassword } from "@/lib/auth/password";
import { DAY_MS, now } from "@/lib/clock";
import { bindReferrer } from "@/lib/distribution/bind-referrer";
import { seedReferralActivity } from "./seed-referral";
import { makeDistributor } from "@/lib/distribution/make-distributor";
import { newId } from "@/lib/ids";
import { campaignKey, campaignRuleSchema, distributionRuleSchema } from "@/lib/rules";
import { DEMO_REWARDS } from "./seed-data/catalogue";
import { DEMO_CAMPAIGNS, DEMO_DISTRIBUTOR_CHAIN, DEMO_MEMBERS, DEMO_PASSWORD, DEMO_PLAIN_MEMBER, DEMO_STAFF, type DemoMember } from "./seed-data/people";
import { seedOrders } from "./seed-orders";
import { seedRedemptions } from "./seed-redemptions";

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

const NAMESPACE = "6f1c3c1e-0b7a-4c43-9a55-1c1f0e7d2a10";
/** Deterministic ids: the same demo gets the same ids on every machine. */
export const demoId = (key: string) => uuidv5(`jifen-demo:${key}`, NAMESPACE);

export const DEMO_LOGINS: DemoLogin[] = [
  ...DEMO_STAFF.map((s) => ({ role: s.roles[0]!, email: s.email, password: DEMO_PASSWORD })),
  { role: "distributor", email: DEMO_DISTRIBUTOR_CHAIN[0]!.email, password: DEMO_PASSWORD },
  { role: "member", email: DEMO_PLAIN_MEMBER.email, password: DEMO_PASSWORD },
];

/** Creates the demo once, on an empty database; a later start finds the marker and does nothing. */
export async function seedDemo(log: (s: string) => void): Promise<{ demoSeeded: boolean; logins: DemoLogin[] }> {
  const done = await db.select().from(appMeta).where(sql`${appMeta.key} = 'demo'`);
  if (done.length) return { demoSeeded: false, logins: DEMO_LOGINS };
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(members);
  if (n > 0) {
    log("demo data skipped: the database already has members");
    return { demoSeeded: false, logins: [] };
  }
  const started = Date.now();
  const seeded = await db.transaction(async (tx) => {
    const claimed = await tx
      .insert(appMeta)
      .values({ key: "demo", value: { seededAt: now().toISOString() }, updatedAt: now() })
      .onConflictDoNothing()
      .returning();
    if (!claimed.length) return false; // another instance is seeding right now
    await seedDemoRules(tx);
    await seedPeople(tx);
    await seedRewards(tx);
    const people = [...DEMO_DISTRIBUTOR_CHAIN, DEMO_PLAIN_MEMBER, ...DEMO_MEMBERS].map((m) => ({ ...m, id: demoId(m.key) }));
    await seedReferralActivity(
      tx,
      people.flatMap((p) => (p.referrerKey ? [{ id: p.id, referrerId: demoId(p.referrerKey), joinedDaysAgo: p.joinedDaysAgo }] : [])),
    );
    const history = await seedOrders(tx, people);
    const redeemed = await seedRedemptions(tx, people, demoId);
    log(`demo: ${history.orders} orders, ${history.refunds} refunds, ${redeemed} redemptions`);
    return true;
  });
  if (seeded) {
    // The dashboard only reads the rollups: build them now, so a fresh start shows the demo's
    // analytics at once rather than after the background job's first run.
    const rollups = await refreshRollups({ full: true });
    log(`demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)}s (analytics: ${rollups.days.length} days rolled up)`);
  }
  return { demoSeeded: seeded, logins: DEMO_LOGINS };
}

async function seedPeople(tx: Tx): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const t = now();
  const everyone: (DemoMember & { roles?: string[] })[] = [...DEMO_DISTRIBUTOR_CHAIN, DEMO_PLAIN_MEMBER, ...DEMO_MEMBERS];
  await tx.insert(users).values([
    ...DEMO_STAFF.map((s) => ({ id: demoId(s.key), email: s.email, name: s.name, passwordHash, roles: s.roles, locale: s.locale, createdAt: t, updatedAt: t })),
    ...everyone.map((m) => {
      const joined = new Date(t.getTime() - m.joinedDaysAgo * DAY_MS);
      return { id: demoId(m.key), email: m.email, name: m.name, passwordHash, roles: ["member" as const], locale: m.locale, createdAt: joined, updatedAt: joined };
    }),
  ]);
  await tx.insert(members).values(
    everyone.map((m) => ({
      id: demoId(m.key),
      tierCode: m.tierCode,
      phone: m.phone,
      birthday: m.birthday,
      createdAt: new Date(t.getTime() - m.joinedDaysAgo * DAY_MS),
    })),
  );
  // The chain top-down, so each distributor's upline exists before it is bound.
  for (const d of DEMO_DISTRIBUTOR_CHAIN) {
    await makeDistributor(demoId(d.key), { code: d.code, level: d.levelCode }, tx);
    if (d.referrerKey) await bindReferrer(tx, demoId(d.key), codeOf(d.referrerKey), { source: "link", at: joinedAt(d) });
  }
  for (const m of [DEMO_PLAIN_MEMBER, ...DEMO_MEMBERS]) {
    if (m.referrerKey) await bindReferrer(tx, demoId(m.key), codeOf(m.referrerKey), { source: "link", at: joinedAt(m) });
  }
}

/** Bound when they joined (the binding history shows the join date). */
function joinedAt(m: DemoMember): Date {
  return new Date(now().getTime() - m.joinedDaysAgo * DAY_MS);
}

function codeOf(distributorKey: string): string {
  const d = DEMO_DISTRIBUTOR_CHAIN.find((x) => x.key === distributorKey);
  if (!d) throw new Error(`demo referrer ${distributorKey} is not a distributor`);
  return d.code;
}

const TERMS = {
  physical: { zh: "兑换成功后 3 个工作日内发货，仅限中国大陆地址。仓库开始备货前可在“我的兑换”中取消，积分原路退回。", en: "Ships within 3 working days to mainland China addresses. You can cancel in My redemptions until the warehouse starts on it; the points go back where they came from." },
  coupon: { zh: "券码兑换后 30 天内有效，每张限用一次，不兑现、不找零。", en: "Each code is valid for 30 days after redemption, single use, no cash value." },
  virtual: { zh: "兑换后立即生效，不可退换。", en: "Takes effect immediately after redemption; not refundable." },
} as const;

async function seedRewards(tx: Tx): Promise<void> {
  const t = now();
  await tx.insert(rewards).values(
    DEMO_REWARDS.map((r, i) => ({
      id: demoId(`reward:${r.sku}`),
      sku: r.sku,
      name: r.name,
      nameEn: r.nameEn,
      description: r.description,
      descriptionEn: r.descriptionEn,
      type: r.type,
      category: r.category,
      pointsPrice: r.pointsPrice,
      stock: r.stock,
      perMemberLimit: r.perMemberLimit,
      tierCodes: r.tierCodes,
      terms: TERMS[r.type].zh,
      termsEn: TERMS[r.type].en,
      flash: Boolean(r.flash),
      couponSource: r.type === "coupon" ? ("pattern" as const) : null,
      couponPattern: r.type === "coupon" ? "JF-XXXX-XXXX" : null,
      couponValidDays: r.type === "coupon" ? 30 : null,
      startsAt: r.flash ? new Date(t.getTime() + r.flash.startsInDays * DAY_MS) : null,
      endsAt: r.flash ? new Date(t.getTime() + (r.flash.startsInDays + r.flash.durationDays) * DAY_MS) : null,
      imageUrl: r.imageUrl,
      // Stagger creation so "new" has a meaningful order.
      createdAt: new Date(t.getTime() - (DEMO_REWARDS.length - i) * 2 * DAY_MS),
    })),
  );
}

/**
 * The demo programme's own rules on top of the defaults: three distributor levels, a running
 * weekend double-points campaign and an upcoming holiday week (version 2 of "distribution").
 */
async function seedDemoRules(tx: Tx): Promise<void> {
  const t = now();
  const dayStart = (offsetDays: number) => new Date(Math.floor(t.getTime() / DAY_MS) * DAY_MS + offsetDays * DAY_MS).toISOString();
  const distribution = distributionRuleSchema.parse({
    levels: [
      { code: "junior", name: { "zh-CN": "初级分销员", en: "Junior" } },
      // Upgrade conditions so the dashboard shows progress (lib/distribution/levels.ts).
      { code: "middle", name: { "zh-CN": "中级分销员", en: "Intermediate" }, upgrade: { minTeamSize: 20, minTeamSalesCents: 2_000_000, periodDays: 30 } },
      { code: "senior", name: { "zh-CN": "高级分销员", en: "Senior" }, upgrade: { minTeamSize: 40, minTeamSalesCents: 10_000_000, periodDays: 90 } },
    ],
  });
  const campaigns = DEMO_CAMPAIGNS.map((c) => ({
    ruleKey: campaignKey(c.slug),
    definition: campaignRuleSchema.parse({
      name: c.name,
      startsAt: dayStart(c.startsInDays),
      endsAt: c.durationDays === null ? null : dayStart(c.startsInDays + c.durationDays),
      daysOfWeek: c.daysOfWeek,
      award: { kind: "multiplier", bps: c.multiplierBps },
      stacking: c.stacking,
      priority: c.priority,
    }),
  }));
  const epoch = new Date("2000-01-01T00:00:00Z");
  await tx.insert(ruleVersions).values([
    { id: newId(), ruleKey: "distribution", kind: "distribution", version: 2, definition: distribution, effectiveAt: epoch, note: "demo: three distributor levels", createdAt: t },
    ...campaigns.map((c) => ({ id: newId(), ruleKey: c.ruleKey, kind: "campaign", version: 1, definition: c.definition as Record<string, unknown>, effectiveAt: epoch, note: "demo campaign", createdAt: t })),
  ]);
}
