import { apiRoute, ok } from "@/lib/api/route";
import { getMember } from "@/lib/api/v1/members";
import { memberView } from "@/lib/members/member-view";

// GET /api/v1/members/{id} — a member with tier, points and referral position
export const GET = apiRoute(getMember, async ({ params }) => ok(await memberView(params.id)));
