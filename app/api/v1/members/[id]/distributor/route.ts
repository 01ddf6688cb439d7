import { apiRoute, created, ok } from "@/lib/api/route";
import { makeMemberDistributor } from "@/lib/api/v1/members";
import { makeDistributor } from "@/lib/distribution/make-distributor";
import { env } from "@/lib/env";

// POST /api/v1/members/{id}/distributor — onboard a distributor from the merchant's side
export const POST = apiRoute(makeMemberDistributor, async ({ params, body, tx }) => {
  const d = await makeDistributor(params.id, { level: body.level }, tx);
  const view = { code: d.code, level: d.level, link: `${env.APP_URL}/r/${d.code}` };
  return d.created ? created(view) : ok(view);
});
