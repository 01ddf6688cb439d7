// The redemption lifecycle as data: which status may follow which, and who may move it.
// placed → processing → shipped → delivered; placed/processing → cancelled (points restored).
import type { RedemptionStatus } from "@/db/schema";

const NEXT: Record<RedemptionStatus, readonly RedemptionStatus[]> = {
  placed: ["processing", "shipped", "cancelled"],
  processing: ["shipped", "cancelled"],
  shipped: ["delivered"],
  delivered: [],
  cancelled: [],
};

export function canMove(from: RedemptionStatus, to: RedemptionStatus): boolean {
  return NEXT[from].includes(to);
}

/** A member may cancel only before the warehouse has started on it; staff also while processing. */
export function canCancel(status: RedemptionStatus, by: "member" | "staff"): boolean {
  return by === "member" ? status === "placed" : canMove(status, "cancelled");
}

/** The steps shown on the member's timeline, in order (cancelled replaces what did not happen). */
export const TIMELINE: readonly RedemptionStatus[] = ["placed", "processing", "shipped", "delivered"];
