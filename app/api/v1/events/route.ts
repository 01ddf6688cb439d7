import { apiRoute, created } from "@/lib/api/route";
import { createEvent } from "@/lib/api/v1/events";
import { recordEvent } from "@/lib/points/record-event";

// POST /api/v1/events — record a member action that may earn points
export const POST = apiRoute(createEvent, async ({ body, actor, tx }) => created(await recordEvent(body, { actor: actor.label, ex: tx })));
