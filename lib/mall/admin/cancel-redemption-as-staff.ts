// Staff cancel a redemption (out of stock at the warehouse, the member asked by phone): the mall's
// cancelRedemption restores the points to exactly the lots they came from and the stock; this adds
// the required reason and the audit entry, in the same transaction.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { redemptions, type Redemption } from "@/db/schema";
import { audit } from "@/lib/admin/audit";
import { now } from "@/lib/clock";
import { DomainError, fieldErrors } from "@/lib/errors";
import { lockBalance } from "@/lib/points/ledger";
import { cancelRedemption } from "../cancel-redemption";
import { assertId } from "./ids";
import { staffLabel, type Staff } from "./staff";

export const cancelReasonSchema = z.object({ reason: z.string().trim().min(1).max(500) });

export async function cancelRedemptionAsStaff(redemptionId: string, input: unknown, staff: Staff): Promise<{ redemption: Redemption; changed: boolean }> {
  assertId(redemptionId, "redemption");
  const parsed = cancelReasonSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("invalid-request", "a reason is required", { errors: fieldErrors(parsed.error.issues) });
  return db.transaction(async (tx) => {
    const [head] = await tx.select({ memberId: redemptions.memberId }).from(redemptions).where(eq(redemptions.id, redemptionId));
    if (!head) throw new DomainError("not-found", "no such redemption");
    // cancelRedemption's lock order (the member's balance, then the redemption), taken first so the
    // status read here is the one the cancellation sees.
    await lockBalance(tx, head.memberId, now());
    const [before] = await tx.select({ status: redemptions.status, pointsSpent: redemptions.pointsSpent, quantity: redemptions.quantity }).from(redemptions).where(eq(redemptions.id, redemptionId)).for("update");
    const redemption = await cancelRedemption({ redemptionId, by: "staff", actor: staffLabel(staff), reason: parsed.data.reason }, tx);
    if (before!.status === "cancelled") return { redemption, changed: false };
    await audit(tx, staff, {
      action: "redemption.cancel",
      targetType: "redemption",
      targetId: redemptionId,
      before: { status: before!.status },
      after: { status: "cancelled", reason: parsed.data.reason, pointsRestored: before!.pointsSpent, stockRestored: before!.quantity },
    });
    return { redemption, changed: true };
  });
}
