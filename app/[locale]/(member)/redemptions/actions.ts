"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { redemptionsPage, type RedemptionsPage } from "@/components/mall/redemptions-data";
import { requireAction } from "@/lib/auth/guard";
import { DomainError, isDomainError } from "@/lib/errors";
import { cancelRedemption } from "@/lib/mall/cancel-redemption";

// The next page of the member's redemptions (the list's infinite scroll).
export async function loadRedemptionsPage(raw: { cursor: string }): Promise<RedemptionsPage> {
  const actor = await requireAction("member:use");
  const cursor = z.string().min(1).max(1000).safeParse(raw?.cursor);
  if (!cursor.success) throw new DomainError("invalid-request", "bad page request");
  const page = await redemptionsPage(actor.userId, cursor.data);
  if (!page) throw new DomainError("invalid-request", "invalid cursor");
  return page;
}

export interface CancelState {
  error?: string;
}

/**
 * The member cancels their own redemption while it is still "placed". cancelRedemption checks the
 * owner (anyone else's is "not found") and the status under lock, restores the exact points and the
 * stock; cancelling twice is a no-op, so a double tap is harmless.
 */
export async function cancelRedemptionAction(_prev: CancelState, form: FormData): Promise<CancelState> {
  const actor = await requireAction("member:use");
  const t = await getTranslations("redemptions.detail.cancelErrors");
  const id = z.guid().safeParse(form.get("redemptionId"));
  if (!id.success) return { error: t("not-found") };
  try {
    await cancelRedemption({ redemptionId: id.data, by: "member", memberId: actor.userId, actor: `user:${actor.userId}`, reason: null });
  } catch (e) {
    if (isDomainError(e)) return { error: e.code === "conflict" ? t("conflict") : e.code === "not-found" ? t("not-found") : t("generic") };
    throw e;
  }
  redirect(`/redemptions/${id.data}?cancelled=1`);
}
