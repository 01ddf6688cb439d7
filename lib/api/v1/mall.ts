import { z } from "zod";
import { REWARD_TYPES } from "@/db/schema";
import { createRewardSchema, redeemSchema } from "@/lib/mall/reward-schema";
import { defineEndpoint } from "../endpoint";
import { pageQuery } from "../pagination";

// The points mall over the Integration API: the catalogue, redemptions and coupon codes.
export const rewardSchema = z
  .object({
    id: z.string(),
    sku: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    description: z.string(),
    descriptionEn: z.string().nullable(),
    terms: z.string(),
    type: z.enum(REWARD_TYPES),
    category: z.string(),
    pointsPrice: z.int(),
    stock: z.int().nullable().describe("null = unlimited"),
    perMemberLimit: z.int().nullable(),
    tierCodes: z.array(z.string()).describe("Tiers allowed to redeem; empty = everyone"),
    active: z.boolean(),
    flash: z.boolean(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    imageUrl: z.string().nullable(),
    redeemedCount: z.int(),
    createdAt: z.string(),
  })
  .meta({ id: "Reward" });

const couponSchema = z
  .object({
    code: z.string(),
    rewardId: z.string(),
    rewardSku: z.string(),
    memberId: z.string().nullable(),
    status: z.enum(["valid", "used", "expired"]),
    issuedAt: z.string().nullable(),
    validUntil: z.string().nullable(),
    usedAt: z.string().nullable(),
    usedReference: z.string().nullable(),
  })
  .meta({ id: "Coupon" });

export const redemptionResultSchema = z
  .object({
    id: z.string(),
    status: z.enum(["placed", "processing", "shipped", "delivered", "cancelled"]),
    rewardId: z.string(),
    quantity: z.int(),
    unitPoints: z.int().describe("Points per unit after the member's tier discount"),
    pointsSpent: z.int(),
    balanceAfter: z.int(),
    coupons: z.array(z.object({ code: z.string(), validUntil: z.string().nullable() })).optional(),
  })
  .meta({ id: "Redemption" });

export const listRewards = defineEndpoint({
  method: "GET",
  path: "/api/v1/rewards",
  scope: "read",
  summary: "The reward catalogue, newest first",
  tags: ["rewards"],
  query: pageQuery.extend({
    active: z.enum(["true", "false"]).optional().meta({ description: "Only active (true) or inactive (false) rewards" }),
    category: z.string().max(40).optional(),
  }),
  responses: { 200: z.object({ rewards: z.array(rewardSchema), nextCursor: z.string().nullable() }) },
});

export const createReward = defineEndpoint({
  method: "POST",
  path: "/api/v1/rewards",
  scope: "rewards",
  summary: "Add a reward to the catalogue (stock null = unlimited)",
  tags: ["rewards"],
  body: createRewardSchema,
  responses: { 201: rewardSchema },
  errors: ["duplicate"],
});

export const createRedemption = defineEndpoint({
  method: "POST",
  path: "/api/v1/redemptions",
  scope: "redemptions",
  summary: "Redeem a reward for a member: stock, per-member limit and points checked in one transaction",
  tags: ["redemptions"],
  body: redeemSchema,
  responses: { 201: redemptionResultSchema },
  errors: ["not-found", "insufficient-points", "out-of-stock", "limit-reached", "not-eligible"],
});

const codeParams = z.object({ code: z.string().trim().min(1).max(64) });

export const getCoupon = defineEndpoint({
  method: "GET",
  path: "/api/v1/coupons/{code}",
  scope: "read",
  summary: "Look up a coupon code a member shows at the shop's checkout",
  tags: ["redemptions"],
  params: codeParams,
  responses: { 200: couponSchema },
  errors: ["not-found"],
});

export const useCoupon = defineEndpoint({
  method: "POST",
  path: "/api/v1/coupons/{code}/use",
  scope: "redemptions",
  summary: "Mark a coupon code used (a repeat with the same reference is harmless)",
  tags: ["redemptions"],
  params: codeParams,
  body: z.object({ reference: z.string().trim().min(1).max(100).optional().describe("The shop's order number or till receipt") }),
  responses: { 200: couponSchema },
  errors: ["not-found", "conflict", "not-eligible"],
});
