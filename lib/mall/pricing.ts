// Pure rules of the mall: what a reward costs a member and whether they may redeem it now.
// The use cases (redeem-reward.ts) and the pages call these, so the price a member sees on the
// detail page is exactly the price the redemption charges.
import type { RewardType } from "@/db/schema";

/** Largest quantity one redemption may ask for (a typo of 10^9 is a clear 400, not a stock check). */
export const MAX_QUANTITY = 99;
/** "Only N left" is shown at or below this stock. */
export const LOW_STOCK = 10;

/**
 * The points price after a tier discount. The discount is rounded DOWN to a whole point (so the
 * price is rounded up): the merchant never gives more than the stated discount, and a discounted
 * price is never 0.
 */
export function discountedPrice(pointsPrice: number, discountBps: number): number {
  if (!Number.isSafeInteger(pointsPrice) || pointsPrice <= 0) throw new RangeError("pointsPrice must be a positive integer");
  const bps = Math.min(Math.max(0, Math.trunc(discountBps)), 10_000);
  const discount = Number((BigInt(pointsPrice) * BigInt(bps)) / 10_000n);
  return Math.max(1, pointsPrice - discount);
}

export interface RewardTerms {
  type: RewardType;
  pointsPrice: number;
  stock: number | null;
  perMemberLimit: number | null;
  tierCodes: readonly string[];
  active: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
}

export interface MemberPosition {
  tierCode: string;
  /** The tier's catalogue discount in basis points. */
  discountBps: number;
  availablePoints: number;
  /** Units of this reward the member already holds (redemptions not cancelled). */
  alreadyRedeemed: number;
  frozen: boolean;
}

export type Ineligible = "inactive" | "not-started" | "ended" | "tier" | "frozen";
export type Blocker = "out-of-stock" | "limit-reached" | "insufficient-points" | `not-eligible:${Ineligible}`;

export interface Quote {
  unitPoints: number;
  totalPoints: number;
  discountBps: number;
  /** Units the member may still redeem (per-member limit), null = no limit. */
  limitLeft: number | null;
  /** Points short for this quantity (0 when affordable). */
  missingPoints: number;
  balanceAfter: number;
  /** The first reason the redemption would be refused, or null when it would go through. */
  blocker: Blocker | null;
}

/** Why the reward cannot be redeemed by this member at all right now (regardless of quantity). */
export function ineligibility(reward: RewardTerms, member: Pick<MemberPosition, "tierCode" | "frozen">, at: Date): Ineligible | null {
  if (!reward.active) return "inactive";
  if (reward.startsAt && at < reward.startsAt) return "not-started";
  if (reward.endsAt && at >= reward.endsAt) return "ended";
  if (member.frozen) return "frozen";
  if (reward.tierCodes.length > 0 && !reward.tierCodes.includes(member.tierCode)) return "tier";
  return null;
}

/**
 * The member's price and what would stop a redemption of `quantity`, in the order the use case
 * checks: eligibility, per-member limit, stock, points.
 */
export function quote(reward: RewardTerms, member: MemberPosition, quantity: number, at: Date): Quote {
  const unitPoints = discountedPrice(reward.pointsPrice, member.discountBps);
  const totalPoints = unitPoints * quantity;
  const limitLeft = reward.perMemberLimit === null ? null : Math.max(0, reward.perMemberLimit - member.alreadyRedeemed);
  const missingPoints = Math.max(0, totalPoints - member.availablePoints);
  const ineligible = ineligibility(reward, member, at);
  let blocker: Blocker | null = null;
  if (ineligible) blocker = `not-eligible:${ineligible}`;
  else if (limitLeft !== null && quantity > limitLeft) blocker = "limit-reached";
  else if (reward.stock !== null && reward.stock < quantity) blocker = "out-of-stock";
  else if (missingPoints > 0) blocker = "insufficient-points";
  return {
    unitPoints,
    totalPoints,
    discountBps: unitPoints < reward.pointsPrice ? member.discountBps : 0,
    limitLeft,
    missingPoints,
    balanceAfter: member.availablePoints - totalPoints,
    blocker,
  };
}
