import { after } from "next/server";
import { apiRoute, created, ok } from "@/lib/api/route";
import { createReward, listRewards } from "@/lib/api/v1/mall";
import { catalogueChanged } from "@/lib/mall/catalogue-cache";
import { createReward as create } from "@/lib/mall/create-reward";
import { listRewards as list } from "@/lib/mall/list-rewards";
import { rewardView } from "@/lib/mall/reward-view";

// GET /api/v1/rewards — the catalogue, newest first
export const GET = apiRoute(listRewards, async ({ query }) =>
  ok(await list({ limit: query.limit, cursor: query.cursor, active: query.active === undefined ? undefined : query.active === "true", category: query.category })),
);

// POST /api/v1/rewards — add a reward; the members' cached catalogue pages are marked stale once
// the response is sent (after the transaction committed, so no page is rendered again without it)
export const POST = apiRoute(createReward, async ({ body, actor, tx }) => {
  const reward = await create(body, { actor: actor.label, ex: tx });
  after(catalogueChanged);
  return created(rewardView(reward));
});
