import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { distributors, members, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { getBalance, expiringPoints } from "@/lib/points/get-balance";
import { findTier } from "@/lib/rules";
import { loadRuleset } from "@/lib/rules/load-ruleset";

/** A member as the Integration API shows it (API.md: GET /members/{id}). */
export interface MemberView {
  id: string;
  email: string;
  name: string;
  externalId: string | null;
  tier: { code: string; name: string; names: { "zh-CN": string; en: string } };
  points: { available: number; pending: number; debt: number; lifetimeEarned: number; expiring: { points: number; expiresAt: string }[] };
  referrerId: string | null;
  distributor: { code: string; level: string } | null;
  createdAt: string;
}

/** Expiring points are listed this far ahead ("N points expire on date" well before it happens). */
export const EXPIRING_HORIZON_DAYS = 90;

export async function memberView(id: string, ex: Executor = db): Promise<MemberView> {
  const [row] = await ex
    .select({ member: members, email: users.email, name: users.name, code: distributors.code, level: distributors.levelCode })
    .from(members)
    .innerJoin(users, eq(users.id, members.id))
    .leftJoin(distributors, eq(distributors.memberId, members.id))
    .where(eq(members.id, id));
  if (!row) throw new DomainError("not-found", `no member ${id}`);
  const [balance, expiring, rules] = await Promise.all([getBalance(id, ex), expiringPoints(id, EXPIRING_HORIZON_DAYS, ex), loadRuleset(now(), ex)]);
  const tier = findTier(rules.tiers.definition, row.member.tierCode);
  const names = tier?.name ?? { "zh-CN": row.member.tierCode, en: row.member.tierCode };
  return {
    id: row.member.id,
    email: row.email,
    name: row.name,
    externalId: row.member.externalId,
    tier: { code: row.member.tierCode, name: names.en, names },
    points: {
      available: balance.available,
      pending: balance.pending,
      debt: balance.debt,
      lifetimeEarned: balance.lifetimeEarned,
      expiring: expiring.map((e) => ({ points: e.points, expiresAt: e.expiresAt.toISOString() })),
    },
    referrerId: row.member.referrerId,
    distributor: row.code ? { code: row.code, level: row.level! } : null,
    createdAt: row.member.createdAt.toISOString(),
  };
}
