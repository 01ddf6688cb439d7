import { z } from "zod";
import { createOrderSchema, refundSchema } from "@/lib/orders/schemas";
import { defineEndpoint } from "../endpoint";
import { orderResultSchema, refundResultSchema } from "./schemas";

export const createOrder = defineEndpoint({
  method: "POST",
  path: "/api/v1/orders",
  scope: "orders",
  summary: "Ingest an order: points spent at checkout, points earned (pending for the return window)",
  tags: ["orders"],
  body: createOrderSchema,
  responses: { 201: orderResultSchema },
  errors: ["duplicate", "insufficient-points"],
});

export const createRefund = defineEndpoint({
  method: "POST",
  path: "/api/v1/orders/{externalId}/refunds",
  scope: "orders",
  summary: "Refund all or part of an order (amountCents, items, or neither for the rest)",
  tags: ["orders"],
  params: z.object({ externalId: z.string().min(1).max(100) }),
  body: refundSchema,
  responses: { 201: refundResultSchema },
  errors: ["not-found", "refund-exceeds-order"],
});
