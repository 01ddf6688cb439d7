import { z } from "zod";
import { mallMe } from "@/components/mall/me-data";
import { fromZodError, problemOf, problemResponse } from "@/lib/api/problem";
import { authorize, currentUser } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { isDomainError } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/locales";

const query = z.object({
  locale: z.enum(LOCALES),
  shelves: z.literal("1").optional(),
  reward: z.guid().optional(),
});

// GET /api/mall/me?locale=en[&shelves=1][&reward=<id>] — the signed-in member's side of the cached
// mall pages (lib/mall/catalogue-routes.ts): their points and tier price, their shelves, their
// holding of one reward. JSON for the page's react-query; never cached.
export async function GET(request: Request): Promise<Response> {
  try {
    const actor = authorize(await currentUser(), "member:use");
    const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw fromZodError(parsed.error, "locale (zh-CN or en), shelves=1 and reward=<id> only");
    const { locale, shelves, reward } = parsed.data;
    const me = await mallMe(actor, locale, { shelves: shelves === "1", reward }, now());
    return Response.json(me, { headers: { "cache-control": "private, no-store" } });
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return problemResponse(problemOf(e));
  }
}
