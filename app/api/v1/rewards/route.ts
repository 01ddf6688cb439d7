import { apiRoute, created, ok } from "@/lib/api/route";
import { createReward, listRewards } from "@/lib/api/v1/mall";
import { createReward as create } from "@/lib/mall/create-reward";
import { listRewards as list } from "@/lib/mall/list-rewards";
import { rewardView } from "@/lib/mall/reward-view";

// GET /api/v1/rewards — the catalogue, newest first
export const GET = apiRoute(listRewards, async ({ query }) =>
  ok(await list({ limit: query.limit, cursor: query.cursor, active: query.active === undefined ? undefined : query.active === "true", category: query.category })),
);

// POST /api/v1/rewards — add a reward
export const POST = apiRoute(createReward, async ({ body, actor, tx }) => created(rewardView(await create(body, { actor: actor.label, ex: tx }))));
