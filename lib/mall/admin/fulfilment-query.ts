// The fulfilment queue's filters, as the page's query string and the export link carry them.
// Unknown or malformed values fall back to "no filter" rather than failing the page.
import { and, eq, gte, ilike, inArray, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { REDEMPTION_STATUSES, redemptions, rewards, users, type RedemptionStatus } from "@/db/schema";
import { env } from "@/lib/env";
import { localDateToInstant } from "./local-time";
import { likeEscape } from "./search-rewards";

/** What still has to leave the warehouse. */
export const OPEN_STATUSES: readonly RedemptionStatus[] = ["placed", "processing"];

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const fulfilmentQuerySchema = z.object({
  status: z.enum(["open", "all", ...REDEMPTION_STATUSES]).catch("open"),
  reward: z.guid().optional().catch(undefined),
  from: date.optional().catch(undefined),
  to: date.optional().catch(undefined),
  email: z.string().trim().max(254).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type FulfilmentQuery = z.output<typeof fulfilmentQuerySchema>;

export function parseFulfilmentQuery(params: Record<string, string | string[] | undefined>): FulfilmentQuery {
  const one = (k: string) => {
    const v = params[k];
    const s = Array.isArray(v) ? v[0] : v;
    return s === "" ? undefined : s;
  };
  return fulfilmentQuerySchema.parse({ status: one("status") ?? "open", reward: one("reward"), from: one("from"), to: one("to"), email: one("email"), page: one("page") ?? 1 });
}

/** The WHERE clause for a query over redemptions ⋈ rewards ⋈ users: physical rewards only. */
export function fulfilmentWhere(q: FulfilmentQuery, { openOnly = false } = {}): SQL {
  const where: SQL[] = [eq(rewards.type, "physical")];
  const statuses = q.status === "all" ? null : q.status === "open" ? OPEN_STATUSES : [q.status];
  const allowed = openOnly ? (statuses ?? OPEN_STATUSES).filter((s) => OPEN_STATUSES.includes(s)) : statuses;
  if (allowed) where.push(allowed.length ? inArray(redemptions.status, [...allowed]) : sql`false`);
  if (q.reward) where.push(eq(redemptions.rewardId, q.reward));
  const from = q.from ? localDateToInstant(q.from, env.DEPLOYMENT_TZ) : null;
  const to = q.to ? localDateToInstant(q.to, env.DEPLOYMENT_TZ, { endExclusive: true }) : null;
  if (from) where.push(gte(redemptions.createdAt, from));
  if (to) where.push(lt(redemptions.createdAt, to));
  if (q.email) where.push(ilike(users.email, `%${likeEscape(q.email.toLowerCase())}%`));
  return and(...where)!;
}
