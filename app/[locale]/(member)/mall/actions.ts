"use server";

import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { db } from "@/db/client";
import { rewards } from "@/db/schema";
import { listingPage, type CardPage } from "@/components/mall/listing-data";
import { LISTING_SORTS, LISTING_TYPES, MAX_QUERY } from "@/components/mall/listing-params";
import { requireAction } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { loadShopper } from "@/lib/mall/catalogue";
import { CATEGORY_SLUG } from "@/lib/mall/catalogue-routes";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { DomainError, isDomainError } from "@/lib/errors";
import { getAddress, shippingAddressOf } from "@/lib/mall/addresses";
import { MAX_QUANTITY } from "@/lib/mall/pricing";
import { redeemReward } from "@/lib/mall/redeem-reward";

const pageInput = z.object({
  category: z.string().regex(CATEGORY_SLUG).nullable(),
  params: z.object({
    sort: z.enum(LISTING_SORTS),
    type: z.enum(LISTING_TYPES).nullable(),
    affordable: z.boolean(),
    inStock: z.boolean(),
    q: z.string().max(MAX_QUERY),
  }),
  /** null: the first page (an affordable listing on a cached page, which the browser reads). */
  cursor: z.string().min(1).max(1000).nullable(),
});

// A page of a category or search listing (the grid's infinite scroll; the first page too when it
// depends on the member). The member is read only for the affordable filter.
export async function loadRewardsPage(raw: z.input<typeof pageInput>): Promise<CardPage> {
  const actor = await requireAction("member:use");
  const parsed = pageInput.safeParse(raw);
  if (!parsed.success) throw new DomainError("invalid-request", "bad listing page request");
  const { category, params, cursor } = parsed.data;
  const at = now();
  const [rawLocale, shopper, rules] = await Promise.all([getLocale(), params.affordable ? loadShopper(actor.userId, at) : null, params.affordable ? null : loadRuleset(at)]);
  const locale = isLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE;
  const tiers = shopper?.tiers ?? rules!.tiers.definition;
  const page = await listingPage({ shopper, tiers, locale, at }, category, params, cursor);
  if (!page) throw new DomainError("invalid-request", "invalid cursor");
  return page;
}

export interface RedeemState {
  /** Why the redemption did not go through, in the member's language. */
  error?: string;
  /** Which field it is about, when it is one ("quantity", "addressId"). */
  field?: string;
}

const redeemInput = z.object({
  rewardId: z.guid(),
  token: z.guid(),
  quantity: z.coerce.number().int().min(1).max(MAX_QUANTITY),
  addressId: z.guid().nullable(),
});

/**
 * The confirm step's one action. The token was made on the server when the member opened the
 * reward and travels with the confirm page; it is the redemption's requestKey, so a double click,
 * a retry after a network error or a duplicated tab returns the first redemption instead of
 * redeeming again. Success goes to the redemption's page; a refusal says why.
 */
export async function redeemAction(_prev: RedeemState, form: FormData): Promise<RedeemState> {
  const actor = await requireAction("member:use");
  const t = await getTranslations("mall.confirm.errors");
  const parsed = redeemInput.safeParse({
    rewardId: form.get("rewardId"),
    token: form.get("token"),
    quantity: form.get("quantity"),
    addressId: form.get("addressId") || null,
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "");
    return field === "quantity" ? { error: t("quantity", { max: MAX_QUANTITY }), field } : { error: t("invalid") };
  }
  const { rewardId, token, quantity, addressId } = parsed.data;

  const [reward] = await db.select({ type: rewards.type }).from(rewards).where(eq(rewards.id, rewardId));
  if (!reward) return { error: t("not-found") };
  let shippingAddress: Record<string, unknown> | null = null;
  if (reward.type === "physical") {
    if (!addressId) return { error: t("address-missing"), field: "addressId" };
    const address = await getAddress(actor.userId, addressId);
    if (!address) return { error: t("address-gone"), field: "addressId" };
    shippingAddress = shippingAddressOf(address);
  }

  let redemptionId: string;
  try {
    const r = await redeemReward({ memberId: actor.userId, rewardId, quantity, shippingAddress, requestKey: token, source: "web", actor: `user:${actor.userId}` });
    redemptionId = r.id;
  } catch (e) {
    if (isDomainError(e)) return { error: await refusal(e), field: e.code === "limit-reached" || e.code === "out-of-stock" ? "quantity" : undefined };
    throw e;
  }
  redirect(`/redemptions/${redemptionId}?placed=1`);
}

/** A refused redemption in the member's words, with the numbers that help (how many more points…). */
async function refusal(e: DomainError): Promise<string> {
  const t = await getTranslations("mall.confirm.errors");
  const format = await getFormatter();
  const n = (k: string) => Number(e.params[k] ?? 0);
  switch (e.code) {
    case "insufficient-points":
      return t("insufficient-points", { missing: format.number(n("missing")) });
    case "out-of-stock":
      return n("stock") > 0 ? t("out-of-stock-left", { stock: n("stock") }) : t("out-of-stock");
    case "limit-reached":
      return n("left") > 0 ? t("limit-left", { left: n("left"), limit: n("limit") }) : t("limit-reached", { limit: n("limit") });
    case "not-eligible": {
      const why = String(e.params.why ?? "");
      return ["inactive", "not-started", "ended", "tier", "frozen"].includes(why) ? t(`not-eligible.${why}` as "not-eligible.tier") : t("generic");
    }
    case "not-found":
      return t("not-found");
    case "invalid-request":
      return t("invalid");
    default:
      return t("generic");
  }
}
