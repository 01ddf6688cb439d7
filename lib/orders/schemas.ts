import { z } from "zod";
import { env } from "@/lib/env";

// Request shapes of the Integration API's order endpoints (API.md), also used by the admin's manual
// entry and CSV import. Bounds keep every sum far inside 2^53: ≤ 10^10 cents (¥100M) per line.
const MAX_CENTS = 10_000_000_000;
const cents = z.int().min(0).max(MAX_CENTS);
const points = z.int().min(0).max(1_000_000_000_000);
const rfc3339 = z.iso.datetime({ offset: true });

export const orderItemSchema = z.object({
  sku: z.string().trim().min(1).max(100),
  name: z.string().max(200).optional(),
  category: z.string().trim().min(1).max(100).nullish(),
  quantity: z.int().min(1).max(100_000),
  unitPriceCents: cents,
  discountCents: cents.default(0),
});

export const createOrderSchema = z
  .object({
    externalId: z.string().trim().min(1).max(100),
    memberId: z.guid({ error: "no member with this id" }),
    placedAt: rfc3339.optional(),
    currency: z.string().optional(),
    items: z.array(orderItemSchema).min(1).max(500),
    shippingCents: cents.default(0),
    pointsRedeemed: points.default(0),
    referralCode: z.string().trim().max(32).nullish(),
  })
  .superRefine((o, ctx) => {
    const currency = o.currency ?? env.CURRENCY;
    if (currency !== env.CURRENCY) ctx.addIssue({ code: "custom", path: ["currency"], message: `only ${env.CURRENCY} is accepted` });
    o.items.forEach((it, i) => {
      if (it.discountCents > it.quantity * it.unitPriceCents) ctx.addIssue({ code: "custom", path: ["items", i, "discountCents"], message: "exceeds the line total" });
      if (it.quantity * it.unitPriceCents > MAX_CENTS) ctx.addIssue({ code: "custom", path: ["items", i, "unitPriceCents"], message: "line total too large" });
    });
  });
export type CreateOrderInput = z.input<typeof createOrderSchema>;
export type CreateOrder = z.output<typeof createOrderSchema>;

export const refundSchema = z
  .object({
    amountCents: z.int().min(1).max(MAX_CENTS).optional(),
    items: z.array(z.object({ sku: z.string().trim().min(1).max(100), quantity: z.int().min(1).max(100_000) })).min(1).max(500).optional(),
    reason: z.string().max(500).optional(),
  })
  .refine((r) => !(r.amountCents !== undefined && r.items !== undefined), { path: ["amountCents"], message: "give amountCents or items, not both" });
export type RefundInput = z.output<typeof refundSchema>;
