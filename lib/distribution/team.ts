// The distributor's team, one level at a time (1: their direct referrals, 2: those referrals' own).
// One SQL statement per page: the closure table's (ancestor, depth, descendant) index yields the
// page in key order without visiting the rest of the team, and each member's orders are summed by a
// lateral lookup on orders_member_idx — so a page costs the same for a team of 10 or 100,000.
import { sql } from "drizzle-orm";
import { db, rowsOf, type Executor } from "@/db/client";
import { maskBuyer } from "./dashboard";

export type TeamLevel = 1 | 2;

export interface TeamMember {
  memberId: string;
  /** Masked ("张**"): the distributor sees who is in the team, not their identity. */
  name: string;
  joinedAt: string;
  orders: number;
  /** Paid minus refunded, over all their orders. */
  salesCents: number;
}

export interface TeamPage {
  items: TeamMember[];
  /** The cursor for the next page (the last member's id), or null at the end. */
  next: string | null;
}

/**
 * A page of one level of the team, keyed on the member id, highest first (ids are time-ordered
 * UUIDv7, so newest first). `after` must be a member of this very team level: a cursor taken from
 * anyone else's team yields an empty page rather than a walk through a stranger's id space.
 */
export async function teamMembers(distributorId: string, level: TeamLevel, { limit = 20, after, ex = db }: { limit?: number; after?: string; ex?: Executor } = {}): Promise<TeamPage> {
  const cursor = after
    ? sql`and rp.descendant_id < ${after}::uuid
          and exists (select 1 from referral_paths own where own.ancestor_id = ${distributorId}::uuid and own.depth = ${level} and own.descendant_id = ${after}::uuid)`
    : sql``;
  const rows = rowsOf<{ id: string; joined_at: string | Date; name: string | null; email: string | null; n: number; cents: string | number }>(
    await ex.execute(sql`
      select p.id, m.created_at as joined_at, u.name, u.email, s.n, s.cents
        from (
          -- The page's ids first (index-only, LIMIT inside): the planner then joins 21 rows by
          -- primary key instead of merge-joining members (bench:team showed it walking 90k rows).
          select rp.descendant_id as id from referral_paths rp
           where rp.ancestor_id = ${distributorId}::uuid and rp.depth = ${level} ${cursor}
           order by rp.descendant_id desc
           limit ${limit + 1}
        ) p
        join members m on m.id = p.id
        left join users u on u.id = p.id
        cross join lateral (
          select count(*)::int as n, coalesce(sum(o.paid_cents - o.refunded_cents), 0)::bigint as cents
            from orders o where o.member_id = p.id
        ) s
       order by p.id desc`),
  );
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({ memberId: r.id, name: maskBuyer(r.name, r.email), joinedAt: new Date(r.joined_at).toISOString(), orders: Number(r.n), salesCents: Number(r.cents) })),
    next: rows.length > limit ? page.at(-1)!.id : null,
  };
}
