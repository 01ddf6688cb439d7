import { z } from "zod";
import { REWARD_TYPES } from "@/db/schema";
import { MAX_QUANTITY } from "./pricing";
import { patternError } from "./coupon-code";

// Request shapes of the catalogue: POST /api/v1/rewards (API.md fields plus optional extras) and the
// admin's reward form share this schema. Text is stored as given and always rendered as text.
const rfc3339 = z.iso.datetime({ offset: true });
const shortText = (max: number) => z.string().trim().min(1).max(max);
const MAX_POINTS = 1_000_000_000;

export const rewardFieldsSchema = z.object({
  sku: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, "letters, digits, '.', '_' or '-'"),
  name: shortText(100),
  nameEn: shortText(100).nullish(),
  description: z.string().max(5000).default(""),
  descriptionEn: z.string().max(5000).nullish(),
  terms: z.string().max(5000).default(""),
  termsEn: z.string().max(5000).nullish(),
  type: z.enum(REWARD_TYPES),
  category: z.string().trim().min(1).max(40).regex(/^[a-z0-9-]+$/, "lower-case letters, digits and '-'").default("general"),
  pointsPrice: z.int().min(1).max(MAX_POINTS),
  stock: z.int().min(0).max(100_000_000).nullable().default(null),
  perMemberLimit: z.int().min(1).max(10_000).nullable().default(null),
  tierCodes: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  active: z.boolean().default(true),
  flash: z.boolean().default(false),
  startsAt: rfc3339.nullish(),
  endsAt: rfc3339.nullish(),
  imageUrl: z.string().max(500).regex(/^(\/|https:\/\/)/, "a path on this site or an https URL").nullish(),
  images: z.array(z.string().max(500).regex(/^(\/|https:\/\/)/)).max(10).default([]),
  couponSource: z.enum(["pool", "pattern"]).nullish(),
  couponPattern: z.string().trim().max(40).nullish(),
  couponValidDays: z.int().min(1).max(3650).nullish(),
});

export const createRewardSchema = rewardFieldsSchema.superRefine((r, ctx) => {
  if (r.startsAt && r.endsAt && new Date(r.endsAt) <= new Date(r.startsAt)) {
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "must be after startsAt" });
  }
  if (r.flash && (!r.startsAt || !r.endsAt)) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "a flash reward needs startsAt and endsAt" });
  if (r.type !== "coupon" && (r.couponSource || r.couponPattern)) {
    ctx.addIssue({ code: "custom", path: ["couponSource"], message: "only coupon rewards have coupon codes" });
  }
  if (r.type === "coupon" && r.couponSource === "pattern" && r.couponPattern) {
    const error = patternError(r.couponPattern);
    if (error) ctx.addIssue({ code: "custom", path: ["couponPattern"], message: error });
  }
});
export type CreateRewardInput = z.input<typeof createRewardSchema>;
export type CreateReward = z.output<typeof createRewardSchema>;

export const addressSchema = z.object({
  recipient: shortText(50),
  phone: z.string().trim().regex(/^\+?[0-9 -]{5,20}$/, "a phone number"),
  region: shortText(100),
  line: shortText(200),
  postalCode: z.string().trim().max(12).nullish(),
});
export type Address = z.output<typeof addressSchema>;

export const redeemSchema = z.object({
  memberId: z.guid({ error: "no member with this id" }),
  rewardId: z.guid({ error: "no reward with this id" }),
  quantity: z.int().min(1).max(MAX_QUANTITY),
  // The API takes the shop's own address object; the web form sends one from the address book.
  shippingAddress: z.record(z.string().max(100), z.unknown()).nullish(),
});
export type RedeemInput = z.output<typeof redeemSchema>;
