import { desc, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { bindingEvents, distributors, members, users, type BindingSource } from "@/db/schema";
import { now } from "@/lib/clock";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { currentBindingExpiry } from "./bind-referrer";
import { isBindingExpired } from "./binding-expiry";

export interface DistributorRef {
  id: string;
  name: string;
  code: string | null;
}

export interface BindingHistoryItem {
  id: string;
  at: Date;
  from: DistributorRef | null;
  to: DistributorRef | null;
  source: BindingSource;
  mode: string;
  expiresAt: Date | null;
  actor: string;
  reason: string;
}

/** Every binding change of a member, newest first (member page, admin member page). */
export async function listBindingHistory(memberId: string, { limit = 50, ex = db }: { limit?: number; ex?: Executor } = {}): Promise<BindingHistoryItem[]> {
  const rows = await ex.select().from(bindingEvents).where(eq(bindingEvents.memberId, memberId)).orderBy(desc(bindingEvents.createdAt), desc(bindingEvents.id)).limit(limit);
  const ids = [...new Set(rows.flatMap((r) => [r.oldDistributorId, r.newDistributorId]).filter((x): x is string => x !== null))];
  const refs = await distributorRefs(ids, ex);
  return rows.map((r) => ({
    id: r.id,
    at: r.createdAt,
    from: r.oldDistributorId ? (refs.get(r.oldDistributorId) ?? null) : null,
    to: r.newDistributorId ? (refs.get(r.newDistributorId) ?? null) : null,
    source: r.source,
    mode: r.mode,
    expiresAt: r.expiresAt,
    actor: r.actor,
    reason: r.reason,
  }));
}

export interface MyReferrer {
  referrer: DistributorRef | null;
  /** When the current binding lapses if no order comes first (null: permanent or unbound). */
  expiresAt: Date | null;
  /** Lapsed by inactivity, not yet written (the next order writes it). */
  lapsed: boolean;
}

/** The member's current referrer and whether the binding still holds under the rules in force. */
export async function getMyReferrer(memberId: string, { at = now(), ex = db }: { at?: Date; ex?: Executor } = {}): Promise<MyReferrer> {
  const [m] = await ex.select({ referrerId: members.referrerId, createdAt: members.createdAt }).from(members).where(eq(members.id, memberId));
  if (!m?.referrerId) return { referrer: null, expiresAt: null, lapsed: false };
  const [refs, rules] = await Promise.all([distributorRefs([m.referrerId], ex), loadRuleset(at, ex)]);
  const expiresAt = await currentBindingExpiry(ex, memberId, m.referrerId, m.createdAt, at, rules.distribution.definition);
  return { referrer: refs.get(m.referrerId) ?? null, expiresAt, lapsed: isBindingExpired(expiresAt, at) };
}

async function distributorRefs(ids: string[], ex: Executor): Promise<Map<string, DistributorRef>> {
  if (!ids.length) return new Map();
  const rows = await ex
    .select({ id: users.id, name: users.name, code: distributors.code })
    .from(users)
    .leftJoin(distributors, eq(distributors.memberId, users.id))
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, code: r.code }]));
}
