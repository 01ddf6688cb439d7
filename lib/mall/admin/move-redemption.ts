// Moving a redemption along the warehouse's steps (placed → processing → shipped → delivered, see
// redemption-status.ts): a conditional update under the row's lock, a timeline event the member
// sees, and the audit entry, in one transaction. Asking for the status it already has (shipped
// with the same carrier and tracking number) changes nothing, so a retried click or a re-imported
// file is harmless.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { redemptionEvents, redemptions, type Redemption } from "@/db/schema";
import { audit } from "@/lib/admin/audit";
import { now } from "@/lib/clock";
import { DomainError, fieldErrors } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { canMove } from "../redemption-status";
import { assertId } from "./ids";
import { staffLabel, type Staff } from "./staff";

const note = z.string().trim().max(500).nullish();
export const carrierField = z.string().trim().min(1).max(60);
export const trackingField = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9 -]{2,39}$/, "letters, digits, spaces or '-' (3–40)");

export const moveSchema = z.discriminatedUnion("to", [
  z.object({ to: z.literal("processing"), note }),
  z.object({ to: z.literal("shipped"), carrier: carrierField, trackingNumber: trackingField, note }),
  z.object({ to: z.literal("delivered"), note }),
]);
export type Move = z.input<typeof moveSchema>;

export interface Moved {
  redemption: Redemption;
  /** false: it already was there (nothing written). */
  changed: boolean;
}

export async function moveRedemption(redemptionId: string, input: unknown, staff: Staff): Promise<Moved> {
  assertId(redemptionId, "redemption");
  const parsed = moveSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("invalid-request", "invalid status move", { errors: fieldErrors(parsed.error.issues) });
  const move = parsed.data;
  return db.transaction(async (tx) => {
    const at = now();
    const [r] = await tx.select().from(redemptions).where(eq(redemptions.id, redemptionId)).for("update");
    if (!r) throw new DomainError("not-found", "no such redemption");
    const shipping = move.to === "shipped" ? { carrier: move.carrier, trackingNumber: move.trackingNumber } : null;

    if (r.status === move.to) {
      if (!shipping || (r.carrier === shipping.carrier && r.trackingNumber === shipping.trackingNumber)) return { redemption: r, changed: false };
      throw new DomainError("conflict", `already shipped with ${r.carrier} ${r.trackingNumber}`, { errors: [{ path: "trackingNumber", message: "shipped-differently" }], params: { carrier: r.carrier ?? "", trackingNumber: r.trackingNumber ?? "" } });
    }
    if (!canMove(r.status, move.to)) {
      throw new DomainError("conflict", `a ${r.status} redemption cannot become ${move.to}`, { errors: [{ path: "to", message: "cannot-move" }], params: { from: r.status, to: move.to } });
    }

    const [moved] = await tx
      .update(redemptions)
      .set({ status: move.to, ...(shipping ?? {}), updatedAt: at })
      .where(and(eq(redemptions.id, r.id), eq(redemptions.status, r.status)))
      .returning();
    const eventNote = move.note || (shipping ? `${shipping.carrier} ${shipping.trackingNumber}` : null);
    await tx.insert(redemptionEvents).values({ id: newId(), redemptionId: r.id, memberId: r.memberId, status: move.to, note: eventNote, actor: staffLabel(staff), createdAt: at });
    await audit(tx, staff, {
      action: `redemption.${move.to}`,
      targetType: "redemption",
      targetId: r.id,
      before: { status: r.status },
      after: { status: move.to, ...(shipping ?? {}), ...(move.note ? { note: move.note } : {}) },
    });
    return { redemption: moved!, changed: true };
  });
}
