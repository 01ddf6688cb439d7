import { apiRoute, created } from "@/lib/api/route";
import { createOrder } from "@/lib/api/v1/orders";
import { ingestOrder } from "@/lib/orders/ingest-order";

// POST /api/v1/orders — ingest an order
export const POST = apiRoute(createOrder, async ({ body, actor, tx }) => created(await ingestOrder(body, { actor: actor.label, ex: tx })));
