import { apiRoute, created } from "@/lib/api/route";
import { createMember } from "@/lib/api/v1/members";
import { createMember as create } from "@/lib/members/create-member";

// POST /api/v1/members — create a member
export const POST = apiRoute(createMember, async ({ body, actor, tx }) => created(await create(body, { actor: actor.label, ex: tx })));
