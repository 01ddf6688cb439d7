// The steps a member sees on a redemption's timeline, from its status and its recorded events.
// Plain data in, plain data out (the page renders it; a unit test pins the cases).
import type { RedemptionStatus, RewardType } from "@/db/schema";
import { TIMELINE } from "@/lib/mall/redemption-status";

export interface TimelineStep {
  status: RedemptionStatus;
  state: "done" | "current" | "upcoming";
  /** When the step happened (null: not yet, or passed without its own record). */
  at: Date | null;
}

/**
 * Goods go placed → processing → shipped → delivered; coupons and digital rewards are placed and
 * delivered at once. A cancelled redemption shows what happened, then the cancellation. The status
 * on the redemption is authoritative: a step it has passed is done even without an event row.
 */
export function timelineSteps(type: RewardType, status: RedemptionStatus, events: { status: RedemptionStatus; createdAt: Date }[]): TimelineStep[] {
  const firstAt = (s: RedemptionStatus) => events.find((e) => e.status === s)?.createdAt ?? null;
  if (status === "cancelled") {
    const before = [...new Set(events.map((e) => e.status).filter((s) => s !== "cancelled"))];
    if (!before.includes("placed")) before.unshift("placed");
    return [...before.map((s): TimelineStep => ({ status: s, state: "done", at: firstAt(s) })), { status: "cancelled", state: "current", at: firstAt("cancelled") }];
  }
  const path: readonly RedemptionStatus[] = type === "physical" ? TIMELINE : ["placed", "delivered"];
  const reached = Math.max(path.indexOf(status), ...events.map((e) => path.indexOf(e.status)));
  const final = reached === path.length - 1;
  return path.map((s, i) => ({
    status: s,
    state: i < reached || (i === reached && final) ? "done" : i === reached ? "current" : "upcoming",
    at: i <= reached ? firstAt(s) : null,
  }));
}
