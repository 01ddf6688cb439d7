// Everything the admin member page shows, read by index: the member by primary key, open lots by
// point_lots_open_idx, the ledger by point_entries_member_idx (keyset), tier history by
// tier_history_member_idx, the upline by referral_paths_descendant_idx and the level-1/2 team counts
// by referral_paths_ancestor_depth_idx (index-only counts).
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { distributors, members, pointAdjustments, pointLots, referralPaths, tierHistory, users, type PointAdjustment } from "@/db/schema";
import type { CreatedAtIdKey } from "@/lib/api/pagination";
import { now } from "@/lib/clock";
import { getBalance, type BalanceView } from "@/lib/points/get-balance";
import { listEntries, type EntryPage } from "@/lib/points/list-entries";

export const LEDGER_PAGE = 25;

export interface UplineMember {
  depth: number;
  id: string;
  name: string;
  email: string;
  code: string | null;
}

export interface MemberDetail {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  externalId: string | null;
  birthday: string | null;
  createdAt: Date;
  tierCode: string;
  override: { code: string; until: Date; active: boolean } | null;
  frozen: { at: Date; reason: string | null } | null;
  distributor: { code: string; levelCode: string; status: string; withdrawalsFrozenAt: Date | null } | null;
  balance: BalanceView;
}

export async function memberDetail(id: string, ex: Executor = db): Promise<MemberDetail | null> {
  const [row] = await ex
    .select({ m: members, name: users.name, email: users.email, d: distributors })
    .from(members)
    .innerJoin(users, eq(users.id, members.id))
    .leftJoin(distributors, eq(distributors.memberId, members.id))
    .where(eq(members.id, id));
  if (!row) return null;
  const balance = await getBalance(id, ex);
  const at = now();
  const m = row.m;
  return {
    id: m.id,
    name: row.name,
    email: row.email,
    phone: m.phone,
    externalId: m.externalId,
    birthday: m.birthday,
    createdAt: m.createdAt,
    tierCode: m.tierCode,
    override: m.tierOverrideCode && m.tierOverrideUntil ? { code: m.tierOverrideCode, until: m.tierOverrideUntil, active: m.tierOverrideUntil > at } : null,
    frozen: m.frozenAt ? { at: m.frozenAt, reason: m.frozenReason } : null,
    distributor: row.d ? { code: row.d.code, levelCode: row.d.levelCode, status: row.d.status, withdrawalsFrozenAt: row.d.withdrawalsFrozenAt } : null,
    balance,
  };
}

/** Open lots (points left in them), soonest to expire first; never-expiring lots last. */
export function memberLots(memberId: string, ex: Executor = db) {
  return ex
    .select({ id: pointLots.id, amount: pointLots.amount, remaining: pointLots.remaining, availableAt: pointLots.availableAt, expiresAt: pointLots.expiresAt, createdAt: pointLots.createdAt })
    .from(pointLots)
    .where(and(eq(pointLots.memberId, memberId), gt(pointLots.remaining, 0)))
    .orderBy(sql`${pointLots.expiresAt} asc nulls last`, asc(pointLots.createdAt))
    .limit(100);
}

export function memberLedger(memberId: string, cursor: CreatedAtIdKey | undefined, ex: Executor = db): Promise<EntryPage> {
  return listEntries(memberId, { limit: LEDGER_PAGE, cursor }, ex);
}

export function memberTierHistory(memberId: string, ex: Executor = db) {
  return ex.select().from(tierHistory).where(eq(tierHistory.memberId, memberId)).orderBy(desc(tierHistory.createdAt)).limit(50);
}

export function memberAdjustments(memberId: string, ex: Executor = db): Promise<PointAdjustment[]> {
  return ex.select().from(pointAdjustments).where(eq(pointAdjustments.memberId, memberId)).orderBy(desc(pointAdjustments.createdAt)).limit(20);
}

/** Who referred the member, and who referred them, up the chain (nearest first). */
export async function uplineChain(memberId: string, ex: Executor = db): Promise<UplineMember[]> {
  return ex
    .select({ depth: referralPaths.depth, id: referralPaths.ancestorId, name: users.name, email: users.email, code: distributors.code })
    .from(referralPaths)
    .innerJoin(users, eq(users.id, referralPaths.ancestorId))
    .leftJoin(distributors, eq(distributors.memberId, referralPaths.ancestorId))
    .where(eq(referralPaths.descendantId, memberId))
    .orderBy(asc(referralPaths.depth))
    .limit(20);
}

/** How many members sit directly under the member (level 1) and under those (level 2). */
export async function downlineCounts(memberId: string, ex: Executor = db): Promise<{ level1: number; level2: number }> {
  const rows = await ex
    .select({ depth: referralPaths.depth, n: sql<number>`count(*)::int` })
    .from(referralPaths)
    .where(and(eq(referralPaths.ancestorId, memberId), sql`${referralPaths.depth} in (1, 2)`))
    .groupBy(referralPaths.depth);
  const of = (d: number) => rows.find((r) => r.depth === d)?.n ?? 0;
  return { level1: of(1), level2: of(2) };
}
