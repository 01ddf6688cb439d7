import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { distributors, members, referralPaths } from "@/db/schema";
import { DomainError } from "@/lib/errors";

/**
 * Puts a member under the distributor who owns `code`: sets the direct referrer and writes the
 * closure-table rows (the distributor at depth 1, each of its ancestors one deeper).
 * A member already bound is never silently moved; self-referral and cycles are refused.
 */
export async function bindReferrer(ex: Executor, memberId: string, code: string): Promise<{ referrerId: string }> {
  const [dist] = await ex
    .select({ memberId: distributors.memberId, status: distributors.status })
    .from(distributors)
    .where(eq(distributors.code, code.trim().toUpperCase()))
    .limit(1);
  if (!dist || dist.status !== "active") {
    throw new DomainError("invalid-request", "unknown referral code", {
      errors: [{ path: "referralCode", message: "validation.referralCodeUnknown" }],
    });
  }
  if (dist.memberId === memberId) throw new DomainError("not-eligible", "a member cannot refer themselves");

  const [member] = await ex.select({ referrerId: members.referrerId }).from(members).where(eq(members.id, memberId)).for("update");
  if (!member) throw new DomainError("not-found", "member not found");
  if (member.referrerId) {
    if (member.referrerId === dist.memberId) return { referrerId: dist.memberId };
    throw new DomainError("conflict", "member is already bound to another distributor");
  }
  // A cycle would need the distributor to sit below this member already.
  const [cycle] = await ex
    .select({ depth: referralPaths.depth })
    .from(referralPaths)
    .where(and(eq(referralPaths.ancestorId, memberId), eq(referralPaths.descendantId, dist.memberId)))
    .limit(1);
  if (cycle) throw new DomainError("not-eligible", "binding would create a cycle");

  await ex.update(members).set({ referrerId: dist.memberId }).where(eq(members.id, memberId));
  await ex.execute(sql`
    insert into referral_paths (ancestor_id, descendant_id, depth)
    select ${dist.memberId}::uuid, d.descendant_id, d.depth + 1
      from (select ${memberId}::uuid as descendant_id, 0 as depth
            union all
            select descendant_id, depth from referral_paths where ancestor_id = ${memberId}) d
    union all
    select a.ancestor_id, d.descendant_id, a.depth + d.depth + 1
      from referral_paths a
      cross join (select ${memberId}::uuid as descendant_id, 0 as depth
                  union all
                  select descendant_id, depth from referral_paths where ancestor_id = ${memberId}) d
     where a.descendant_id = ${dist.memberId}
    on conflict do nothing`);
  return { referrerId: dist.memberId };
}
