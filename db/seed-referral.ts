// Demo referral activity so the distributor's funnel is alive: each referred demo member who joined
// in the last 90 days has a sign-up attribution at their join date, preceded by a few link visits
// (from 1–3 visitors); every referrer also gets some visits that led nowhere. Deterministic (no
// randomness: counts derive from the member's position), written once with the rest of the demo.
import type { Tx } from "@/db/client";
import { referralAttributions, referralClicks } from "@/db/schema";
import { DAY_MS, now } from "@/lib/clock";
import { newId } from "@/lib/ids";

export interface ReferredDemoMember {
  id: string;
  referrerId: string;
  joinedDaysAgo: number;
}

const HOUR_MS = 3_600_000;

export async function seedReferralActivity(tx: Tx, referred: ReferredDemoMember[], windowDays = 30): Promise<void> {
  const t = now().getTime();
  const recent = referred.filter((m) => m.joinedDaysAgo <= 90);
  const clicks: (typeof referralClicks.$inferInsert)[] = [];
  recent.forEach((m, i) => {
    const joined = t - m.joinedDaysAgo * DAY_MS;
    for (let k = 0; k < 1 + (i % 3); k++) clicks.push({ id: newId(), distributorId: m.referrerId, visitorHash: `demo-${i}-${k % 2}`, createdAt: new Date(joined - (k + 1) * HOUR_MS) });
  });
  for (const referrerId of new Set(referred.map((m) => m.referrerId))) {
    for (let k = 0; k < 12; k++) clicks.push({ id: newId(), distributorId: referrerId, visitorHash: `demo-idle-${k % 7}`, createdAt: new Date(t - (k * 7 + 1) * DAY_MS) });
  }
  if (clicks.length) await tx.insert(referralClicks).values(clicks);
  if (recent.length) {
    await tx.insert(referralAttributions).values(
      recent.map((m) => {
        const joined = new Date(t - m.joinedDaysAgo * DAY_MS);
        return { id: newId(), memberId: m.id, distributorId: m.referrerId, source: "link" as const, atSignup: true, createdAt: joined, expiresAt: new Date(joined.getTime() + windowDays * DAY_MS) };
      }),
    );
  }
}
