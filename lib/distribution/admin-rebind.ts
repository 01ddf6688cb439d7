// An admin moves a member to another distributor (or binds an unbound one), whatever the binding
// policy says, with a reason: a binding-history event (source admin) and an audit entry, in one
// transaction. Self-referral and cycles are refused as for anyone.
import { z } from "zod";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { members } from "@/db/schema";
import { audit, type AuditActor } from "@/lib/admin/audit";
import { DomainError, fieldErrors } from "@/lib/errors";
import { referralCodeField } from "@/lib/validation";
import { bindReferrer, lockReferralTree } from "./bind-referrer";

export const adminRebindSchema = z.object({
  memberId: z.uuid({ error: "referral.rebind.errors.member" }),
  referralCode: referralCodeField,
  reason: z.string().trim().min(3, { error: "referral.rebind.errors.reason" }).max(500, { error: "referral.rebind.errors.reason" }),
});
export type AdminRebindInput = z.input<typeof adminRebindSchema>;

export async function adminRebind(input: AdminRebindInput, staff: AuditActor): Promise<{ referrerId: string; changed: boolean }> {
  const parsed = adminRebindSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("invalid-request", "invalid rebind", { errors: fieldErrors(parsed.error.issues) });
  const { memberId, referralCode, reason } = parsed.data;
  return db.transaction(async (tx) => {
    await lockReferralTree(tx); // so "before" is the binding that is replaced (re-entrant for bindReferrer)
    const [before] = await tx.select({ referrerId: members.referrerId }).from(members).where(eq(members.id, memberId));
    if (!before) throw new DomainError("not-found", "member not found");
    const result = await bindReferrer(tx, memberId, referralCode, { admin: true, source: "admin", actor: `user:${staff.userId}`, reason });
    if (result.changed) {
      await audit(tx, staff, { action: "member.rebind", targetType: "member", targetId: memberId, before: { referrerId: before.referrerId }, after: { referrerId: result.referrerId, reason } });
    }
    return result;
  });
}
