import { apiRoute, ok } from "@/lib/api/route";
import { memberLedger } from "@/lib/api/v1/members";
import { memberView } from "@/lib/members/member-view";
import { entryView } from "@/lib/points/entry-view";
import { listEntries } from "@/lib/points/list-entries";

// GET /api/v1/members/{id}/ledger — the member's ledger, newest first
export const GET = apiRoute(memberLedger, async ({ params, query }) => {
  await memberView(params.id); // 404 for an unknown member rather than an empty list
  const page = await listEntries(params.id, { limit: query.limit, cursor: query.cursor });
  return ok({ entries: page.entries.map(entryView), nextCursor: page.nextCursor });
});
