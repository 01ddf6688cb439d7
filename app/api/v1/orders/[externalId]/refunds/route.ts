import { apiRoute, created } from "@/lib/api/route";
import { createRefund } from "@/lib/api/v1/orders";
import { refundOrder } from "@/lib/orders/refund-order";

// POST /api/v1/orders/{externalId}/refunds — refund all or part of an order
export const POST = apiRoute(createRefund, async ({ params, body, actor, tx }) => created(await refundOrder(params.externalId, body, { actor: actor.label, ex: tx })));
