import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { distributors, referralClicks } from "@/db/schema";
import { authSecret } from "@/lib/auth/secret";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { recordAttribution } from "./referral-attribution";

/**
 * A keyed hash of the visitor's IP and user agent: the same visitor hashes alike (distinct
 * visitors can be counted), but the raw values are never stored and cannot be recovered without
 * the server's secret.
 */
export function visitorHash(ip: string, userAgent: string, secret: string): string {
  return createHmac("sha256", secret).update(`${ip}\n${userAgent}`).digest("base64url").slice(0, 22);
}

export type ReferralVisit = { ok: true; code: string; windowDays: number } | { ok: false };

/**
 * A visit of /r/<code>: an active distributor's link records a click (one insert) and answers with
 * the attribution window for the cookie; a signed-in member (not the distributor) is attributed at
 * once, since their later orders reach us from the shop, without the cookie. Unknown or disabled
 * codes write nothing.
 */
export async function recordReferralVisit(
  input: { code: string; ip: string; userAgent: string; memberId?: string | null },
  ex: Executor = db,
): Promise<ReferralVisit> {
  const code = input.code.trim().toUpperCase();
  if (!/^[A-Z0-9]{4,12}$/.test(code)) return { ok: false };
  const [dist] = await ex.select({ memberId: distributors.memberId, status: distributors.status }).from(distributors).where(eq(distributors.code, code)).limit(1);
  if (!dist || dist.status !== "active") return { ok: false };
  const at = now();
  const rule = (await loadRuleset(at, ex)).distribution.definition;
  await ex.insert(referralClicks).values({ id: newId(), distributorId: dist.memberId, visitorHash: visitorHash(input.ip, input.userAgent, authSecret() ?? "jifen"), createdAt: at });
  if (input.memberId && input.memberId !== dist.memberId) {
    await recordAttribution(ex, { memberId: input.memberId, distributorId: dist.memberId, source: "link", atSignup: false, at, windowDays: rule.attributionWindowDays });
  }
  return { ok: true, code, windowDays: rule.attributionWindowDays };
}
