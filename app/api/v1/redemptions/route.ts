import { apiRoute, created } from "@/lib/api/route";
import { createRedemption } from "@/lib/api/v1/mall";
import { redeemReward } from "@/lib/mall/redeem-reward";

// POST /api/v1/redemptions — redeem a reward for a member
export const POST = apiRoute(createRedemption, async ({ body, actor, tx }) => created(await redeemReward({ ...body, source: "api", actor: actor.label }, tx)));
