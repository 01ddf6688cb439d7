// A member's own redemptions and coupons, as "My redemptions" and the coupon wallet show them.
// Every read is scoped by the member id in its WHERE clause (never filtered afterwards), so another
// member's redemption is simply not found. Lists are keyset pages on the member indexes
// (redemptions_member_idx, coupon_codes_member_idx), each one query joined to its reward (no N+1).
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { couponCodes, redemptionEvents, redemptions, rewards, type CouponCode, type Redemption, type RedemptionEvent, type Reward } from "@/db/schema";
import { createdAtIdOf, olderThan, pageOf, type CreatedAtIdKey } from "@/lib/api/pagination";

export const REDEMPTIONS_PAGE_SIZE = 20;
export const COUPONS_PAGE_SIZE = 30;

export type RewardSummary = Pick<Reward, "id" | "name" | "nameEn" | "type" | "imageUrl">;
const rewardSummary = { id: rewards.id, name: rewards.name, nameEn: rewards.nameEn, type: rewards.type, imageUrl: rewards.imageUrl };

export interface RedemptionListRow {
  id: string;
  status: Redemption["status"];
  quantity: number;
  pointsSpent: number;
  createdAt: Date;
  reward: RewardSummary;
}

/** The member's redemptions, newest first. */
export async function listMemberRedemptions(
  memberId: string,
  { cursor, limit = REDEMPTIONS_PAGE_SIZE }: { cursor?: CreatedAtIdKey; limit?: number } = {},
  ex: Executor = db,
): Promise<{ rows: RedemptionListRow[]; nextCursor: string | null }> {
  const rows = await ex
    .select({
      id: redemptions.id,
      status: redemptions.status,
      quantity: redemptions.quantity,
      pointsSpent: redemptions.pointsSpent,
      createdAt: redemptions.createdAt,
      reward: rewardSummary,
    })
    .from(redemptions)
    .innerJoin(rewards, eq(rewards.id, redemptions.rewardId))
    .where(and(eq(redemptions.memberId, memberId), olderThan(redemptions.createdAt, redemptions.id, cursor)))
    .orderBy(desc(redemptions.createdAt), desc(redemptions.id))
    .limit(limit + 1);
  return pageOf(rows, limit, createdAtIdOf);
}

export interface MemberRedemption {
  redemption: Redemption;
  reward: RewardSummary;
  /** The status timeline, oldest first. */
  events: Pick<RedemptionEvent, "id" | "status" | "note" | "createdAt">[];
  coupons: Pick<CouponCode, "code" | "status" | "validUntil" | "usedAt">[];
}

/** One of the member's redemptions with its timeline and coupons; null for anyone else's (a 404). */
export async function memberRedemption(memberId: string, redemptionId: string, ex: Executor = db): Promise<MemberRedemption | null> {
  const [row] = await ex
    .select({ redemption: redemptions, reward: rewardSummary })
    .from(redemptions)
    .innerJoin(rewards, eq(rewards.id, redemptions.rewardId))
    .where(and(eq(redemptions.id, redemptionId), eq(redemptions.memberId, memberId)));
  if (!row) return null;
  const [events, coupons] = await Promise.all([
    ex
      .select({ id: redemptionEvents.id, status: redemptionEvents.status, note: redemptionEvents.note, createdAt: redemptionEvents.createdAt })
      .from(redemptionEvents)
      .where(eq(redemptionEvents.redemptionId, redemptionId))
      .orderBy(asc(redemptionEvents.createdAt), asc(redemptionEvents.id)),
    ex
      .select({ code: couponCodes.code, status: couponCodes.status, validUntil: couponCodes.validUntil, usedAt: couponCodes.usedAt })
      .from(couponCodes)
      .where(and(eq(couponCodes.redemptionId, redemptionId), eq(couponCodes.memberId, memberId)))
      .orderBy(asc(couponCodes.code)),
  ]);
  return { ...row, events, coupons };
}

/** Whether the redemption is the member's own (one primary-key lookup; for the layout's 404 before streaming). */
export async function isOwnRedemption(memberId: string, redemptionId: string, ex: Executor = db): Promise<boolean> {
  const [row] = await ex.select({ id: redemptions.id }).from(redemptions).where(and(eq(redemptions.id, redemptionId), eq(redemptions.memberId, memberId)));
  return Boolean(row);
}

/** The redemption a confirmation token already made, if any (the confirm page then shows it instead). */
export async function redemptionByRequestKey(memberId: string, requestKey: string, ex: Executor = db): Promise<string | null> {
  const [row] = await ex
    .select({ id: redemptions.id })
    .from(redemptions)
    .where(and(eq(redemptions.memberId, memberId), eq(redemptions.requestKey, requestKey)));
  return row?.id ?? null;
}

// ---------------------------------------------------------------- coupon wallet

export type CouponValidity = "valid" | "used" | "expired" | "void";

/** Where a member's coupon stands at `at`: used and void are final; otherwise its date decides. */
export function couponValidity(c: Pick<CouponCode, "status" | "validUntil" | "usedAt">, at: Date): CouponValidity {
  if (c.status === "used" || c.usedAt) return "used";
  if (c.status === "void") return "void";
  if (c.validUntil && c.validUntil.getTime() <= at.getTime()) return "expired";
  return "valid";
}

export interface WalletCoupon {
  id: string;
  code: string;
  status: CouponCode["status"];
  issuedAt: Date;
  validUntil: Date | null;
  usedAt: Date | null;
  redemptionId: string | null;
  reward: RewardSummary;
}

/** Sort key of the wallet: newest issued first (issued_at is always set on a member's code). */
const issuedKey = (c: { issuedAt: Date; id: string }): CreatedAtIdKey => ({ createdAt: c.issuedAt.toISOString(), id: c.id });

/** The member's coupon codes, newest first. */
export async function memberCoupons(
  memberId: string,
  { cursor, limit = COUPONS_PAGE_SIZE }: { cursor?: CreatedAtIdKey; limit?: number } = {},
  ex: Executor = db,
): Promise<{ rows: WalletCoupon[]; nextCursor: string | null }> {
  const rows = await ex
    .select({
      id: couponCodes.id,
      code: couponCodes.code,
      status: couponCodes.status,
      issuedAt: sql<Date>`${couponCodes.issuedAt}`.mapWith(couponCodes.issuedAt),
      validUntil: couponCodes.validUntil,
      usedAt: couponCodes.usedAt,
      redemptionId: couponCodes.redemptionId,
      reward: rewardSummary,
    })
    .from(couponCodes)
    .innerJoin(rewards, eq(rewards.id, couponCodes.rewardId))
    .where(and(eq(couponCodes.memberId, memberId), sql`${couponCodes.issuedAt} is not null`, olderThan(couponCodes.issuedAt, couponCodes.id, cursor)))
    .orderBy(desc(couponCodes.issuedAt), desc(couponCodes.id))
    .limit(limit + 1);
  return pageOf(rows, limit, issuedKey);
}
