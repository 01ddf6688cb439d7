"use server";

import { z } from "zod";
import { couponsPage, type CouponsPage } from "@/components/mall/coupons-data";
import { requireAction } from "@/lib/auth/guard";
import { DomainError } from "@/lib/errors";

// The next page of the member's coupon wallet (infinite scroll).
export async function loadCouponsPage(raw: { cursor: string }): Promise<CouponsPage> {
  const actor = await requireAction("member:use");
  const cursor = z.string().min(1).max(1000).safeParse(raw?.cursor);
  if (!cursor.success) throw new DomainError("invalid-request", "bad page request");
  const page = await couponsPage(actor.userId, cursor.data);
  if (!page) throw new DomainError("invalid-request", "invalid cursor");
  return page;
}
