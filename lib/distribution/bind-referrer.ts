import { and, desc, eq, max, lte, sql } from "drizzle-orm";
import type { Executor, Tx } from "@/db/client";
import { bindingEvents, distributors, members, orders, referralPaths, type BindingSource } from "@/db/schema";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import type { DistributionRule } from "@/lib/rules/schema";
import { bindingExpiresAt, isBindingExpired } from "./binding-expiry";

export interface BindOptions {
  /** How the member came to this distributor (the binding history shows it). Default "code". */
  source?: BindingSource;
  /** Who did it: "user:<id>", "api-key:<id>", "system"… */
  actor?: string;
  reason?: string;
  /** An admin's rebind: moves a bound member whatever the policy (the caller requires a reason). */
  admin?: boolean;
  /** The distribution rule in force (loaded at `at` when not given). */
  rule?: DistributionRule;
  at?: Date;
}

/**
 * Every change to the referral tree (bind, rebind, lapse) holds this one transaction-scoped lock.
 * Row locks on the two members involved are not enough to rule out cycles: binding A under B and,
 * at the same time, C under D closes a cycle when A is already above D and C above B, and those
 * two transactions share no row. Bindings are rare (a sign-up, a first order, an admin), so one
 * queue for all of them is cheap; orders of already-bound members never take it.
 */
export async function lockReferralTree(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('jifen:referral-tree'))`);
}

export async function activeDistributorByCode(ex: Executor, code: string): Promise<{ memberId: string; code: string }> {
  const [dist] = await ex
    .select({ memberId: distributors.memberId, code: distributors.code, status: distributors.status })
    .from(distributors)
    .where(eq(distributors.code, code.trim().toUpperCase()))
    .limit(1);
  if (!dist || dist.status !== "active") {
    throw new DomainError("invalid-request", "unknown referral code", {
      errors: [{ path: "referralCode", message: "validation.referralCodeUnknown" }],
    });
  }
  return { memberId: dist.memberId, code: dist.code };
}

export const bindingRefusal = {
  self: () =>
    new DomainError("not-eligible", "a member cannot refer themselves", {
      errors: [{ path: "referralCode", message: "referral.errors.self" }],
      params: { reason: "self" },
    }),
  cycle: () =>
    new DomainError("not-eligible", "binding would create a cycle", {
      errors: [{ path: "referralCode", message: "referral.errors.cycle" }],
      params: { reason: "cycle" },
    }),
  bound: () =>
    new DomainError("conflict", "member is already bound to another distributor", {
      errors: [{ path: "referralCode", message: "referral.errors.alreadyBound" }],
      params: { reason: "bound" },
    }),
  noRebind: () =>
    new DomainError("conflict", "the member's binding lapsed and re-binding is off", {
      errors: [{ path: "referralCode", message: "referral.errors.noRebind" }],
      params: { reason: "no-rebind" },
    }),
};

/** The current binding's expiry under `rule` (null: permanent or not bound). Two index reads. */
export async function currentBindingExpiry(ex: Executor, memberId: string, referrerId: string, memberSince: Date, at: Date, rule: DistributionRule): Promise<Date | null> {
  if (rule.binding.expiryDays === null) return null;
  const [bound] = await ex
    .select({ at: bindingEvents.createdAt })
    .from(bindingEvents)
    .where(and(eq(bindingEvents.memberId, memberId), eq(bindingEvents.newDistributorId, referrerId)))
    .orderBy(desc(bindingEvents.createdAt))
    .limit(1);
  const [last] = await ex.select({ at: max(orders.placedAt) }).from(orders).where(and(eq(orders.memberId, memberId), lte(orders.placedAt, at)));
  return bindingExpiresAt(bound?.at ?? memberSince, last?.at ?? null, rule.binding.expiryDays);
}

/**
 * Puts a member under the distributor who owns `code`: sets the direct referrer, rewrites the
 * closure-table rows of the member's whole subtree, and records the change in the binding history.
 * A bound member is never silently moved: only when re-binding is on AND their binding has lapsed,
 * or by an admin. Self-referral and cycles are refused. Binding to the current referrer again is a
 * no-op. Runs in its own savepoint, so a refusal writes nothing.
 */
export async function bindReferrer(ex: Executor, memberId: string, code: string, opts: BindOptions = {}): Promise<{ referrerId: string; changed: boolean }> {
  return ex.transaction(async (tx) => {
    const at = opts.at ?? now();
    const dist = await activeDistributorByCode(tx, code);
    if (dist.memberId === memberId) throw bindingRefusal.self();
    const rule = opts.rule ?? (await loadRuleset(at, tx)).distribution.definition;

    await lockReferralTree(tx);
    const [member] = await tx
      .select({ referrerId: members.referrerId, createdAt: members.createdAt })
      .from(members)
      .where(eq(members.id, memberId))
      .for("update");
    if (!member) throw new DomainError("not-found", "member not found");
    if (member.referrerId === dist.memberId) return { referrerId: dist.memberId, changed: false };
    if (!opts.admin) {
      if (member.referrerId) {
        const expiresAt = await currentBindingExpiry(tx, memberId, member.referrerId, member.createdAt, at, rule);
        if (!isBindingExpired(expiresAt, at)) throw bindingRefusal.bound();
        if (!rule.binding.allowRebind) throw bindingRefusal.noRebind();
      } else if (!rule.binding.allowRebind) {
        // Unbound, but bound before (the binding lapsed): binding again is a re-binding.
        const [before] = await tx.select({ id: bindingEvents.id }).from(bindingEvents).where(eq(bindingEvents.memberId, memberId)).limit(1);
        if (before) throw bindingRefusal.noRebind();
      }
    }
    // A cycle would need the distributor to sit below this member already (read under the lock).
    const [cycle] = await tx
      .select({ depth: referralPaths.depth })
      .from(referralPaths)
      .where(and(eq(referralPaths.ancestorId, memberId), eq(referralPaths.descendantId, dist.memberId)))
      .limit(1);
    if (cycle) throw bindingRefusal.cycle();

    if (member.referrerId) await detachSubtree(tx, memberId);
    await attachSubtree(tx, memberId, dist.memberId);
    await tx.update(members).set({ referrerId: dist.memberId }).where(eq(members.id, memberId));
    await tx.insert(bindingEvents).values({
      id: newId(),
      memberId,
      oldDistributorId: member.referrerId,
      newDistributorId: dist.memberId,
      source: opts.source ?? "code",
      mode: opts.admin ? "admin" : rule.binding.mode,
      expiresAt: bindingExpiresAt(at, null, rule.binding.expiryDays),
      actor: opts.actor ?? "system",
      reason: opts.reason ?? "",
      createdAt: at,
    });
    return { referrerId: dist.memberId, changed: true };
  });
}

/**
 * Under an expiring policy, a member whose binding lapsed (no order for N days) is taken out of
 * their referrer's tree before their next order is attributed, with a history event. Derived from
 * time until then (pages show it as lapsed); written lazily here, like the wallet's releases.
 * Takes the tree lock only when there is a lapse to write.
 */
export async function lapseExpiredBinding(tx: Tx, memberId: string, at: Date, rule: DistributionRule, actor = "system"): Promise<boolean> {
  if (rule.binding.expiryDays === null) return false;
  const read = async () => {
    const [m] = await tx.select({ referrerId: members.referrerId, createdAt: members.createdAt }).from(members).where(eq(members.id, memberId));
    if (!m?.referrerId) return null;
    const expiresAt = await currentBindingExpiry(tx, memberId, m.referrerId, m.createdAt, at, rule);
    return isBindingExpired(expiresAt, at) ? { referrerId: m.referrerId, expiresAt } : null;
  };
  if (!(await read())) return false;
  await lockReferralTree(tx);
  await tx.select({ id: members.id }).from(members).where(eq(members.id, memberId)).for("update");
  const lapsed = await read(); // again under the lock: a concurrent order may have written it already
  if (!lapsed) return false;
  await detachSubtree(tx, memberId);
  await tx.update(members).set({ referrerId: null }).where(eq(members.id, memberId));
  await tx.insert(bindingEvents).values({
    id: newId(),
    memberId,
    oldDistributorId: lapsed.referrerId,
    newDistributorId: null,
    source: "expiry",
    mode: rule.binding.mode,
    expiresAt: lapsed.expiresAt,
    actor,
    reason: "",
    createdAt: now(),
  });
  return true;
}

/** Removes every path from the member's ancestors to the member's subtree (the subtree stays whole). */
async function detachSubtree(tx: Executor, memberId: string): Promise<void> {
  await tx.execute(sql`
    delete from referral_paths
     where descendant_id in (select ${memberId}::uuid union all select descendant_id from referral_paths where ancestor_id = ${memberId})
       and ancestor_id in (select ancestor_id from referral_paths where descendant_id = ${memberId})`);
}

/** Paths from the distributor (depth 1 to the member) and each of its ancestors to the member's subtree. */
async function attachSubtree(tx: Executor, memberId: string, distributorId: string): Promise<void> {
  await tx.execute(sql`
    insert into referral_paths (ancestor_id, descendant_id, depth)
    select ${distributorId}::uuid, d.descendant_id, d.depth + 1
      from (select ${memberId}::uuid as descendant_id, 0 as depth
            union all
            select descendant_id, depth from referral_paths where ancestor_id = ${memberId}) d
    union all
    select a.ancestor_id, d.descendant_id, a.depth + d.depth + 1
      from referral_paths a
      cross join (select ${memberId}::uuid as descendant_id, 0 as depth
                  union all
                  select descendant_id, depth from referral_paths where ancestor_id = ${memberId}) d
     where a.descendant_id = ${distributorId}
    on conflict do nothing`);
}
