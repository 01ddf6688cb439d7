// The shop marks a coupon used (at its checkout) and can look one up first. Only codes that were
// handed to a member can be used; pool codes not yet issued are "not found" (never leaked).
import { and, eq, gt, isNull, or } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { couponCodes, rewards, type CouponCode } from "@/db/schema";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";

export interface CouponView {
  code: string;
  rewardId: string;
  rewardSku: string;
  memberId: string | null;
  status: "valid" | "used" | "expired";
  issuedAt: string | null;
  validUntil: string | null;
  usedAt: string | null;
  usedReference: string | null;
}

export function couponStatus(c: Pick<CouponCode, "status" | "validUntil">, at: Date): CouponView["status"] {
  if (c.status === "used") return "used";
  return c.validUntil && c.validUntil <= at ? "expired" : "valid";
}

async function find(code: string, ex: Executor) {
  const [row] = await ex
    .select({ coupon: couponCodes, sku: rewards.sku })
    .from(couponCodes)
    .innerJoin(rewards, eq(rewards.id, couponCodes.rewardId))
    .where(eq(couponCodes.code, code));
  if (!row || (row.coupon.status !== "issued" && row.coupon.status !== "used")) throw new DomainError("not-found", "no such coupon");
  return row;
}

function view(c: CouponCode, sku: string, at: Date): CouponView {
  return {
    code: c.code,
    rewardId: c.rewardId,
    rewardSku: sku,
    memberId: c.memberId,
    status: couponStatus(c, at),
    issuedAt: c.issuedAt?.toISOString() ?? null,
    validUntil: c.validUntil?.toISOString() ?? null,
    usedAt: c.usedAt?.toISOString() ?? null,
    usedReference: c.usedReference,
  };
}

export async function getCoupon(code: string, ex: Executor = db): Promise<CouponView> {
  const row = await find(code, ex);
  return view(row.coupon, row.sku, now());
}

/**
 * Marks an issued, unexpired code used, by a conditional update (two tills scanning one code: one
 * wins). Repeating the call with the same reference returns the used coupon (a retry is harmless);
 * another reference gets a 409 that says when it was used.
 */
export async function useCoupon(input: { code: string; reference?: string | null }, ex: Executor = db): Promise<CouponView> {
  const at = now();
  const reference = input.reference ?? null;
  const [used] = await ex
    .update(couponCodes)
    .set({ status: "used", usedAt: at, usedReference: reference })
    .where(and(eq(couponCodes.code, input.code), eq(couponCodes.status, "issued"), or(isNull(couponCodes.validUntil), gt(couponCodes.validUntil, at))))
    .returning();
  const row = await find(input.code, ex);
  if (used) return view(used, row.sku, at);
  const c = row.coupon;
  if (c.status === "used") {
    if (c.usedReference === reference) return view(c, row.sku, at);
    throw new DomainError("conflict", `coupon already used at ${c.usedAt?.toISOString()}`, { params: { usedAt: c.usedAt?.toISOString() ?? "" } });
  }
  throw new DomainError("not-eligible", `coupon expired at ${c.validUntil?.toISOString()}`, { params: { why: "expired" } });
}
