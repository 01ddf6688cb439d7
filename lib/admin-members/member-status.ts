// Freezing a member and overriding their tier, by an admin, each audited with before and after.
//
// Frozen (decision): a frozen member cannot redeem (the mall refuses: `frozen`) and, if a
// distributor, cannot request withdrawals; orders and actions while frozen earn nothing (the points
// engine's existing rule — ingestion and the backtest both record 0 for a frozen member, so earnings
// are not held back to be released later). Admin adjustments and grants still apply.
// Withdrawals are blocked through the distributor's own `withdrawalsFrozenAt` (the switch the
// wallet already obeys): freezing sets it when it is not set, stamped with the same instant as
// `frozenAt`; unfreezing clears it only if it still carries that stamp, so a separate risk freeze of
// the wallet by finance survives an unfreeze of the member.
//
// Tier override (decision): the override sets the tier the member holds until `until`; while it
// runs, neither upgrades at earn time nor the period-end review change it. When it has expired,
// the next tier refresh (an earn), the review or `npm run maintenance` re-decides the tier from
// qualification (which may be lower) and clears it.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Tx } from "@/db/client";
import { distributors, members, tierHistory } from "@/db/schema";
import { audit, type AuditActor } from "@/lib/admin/audit";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { endOverride } from "@/lib/members/tier-override";
import { findTier } from "@/lib/rules";
import { loadRuleset } from "@/lib/rules/load-ruleset";

const reason = z.string().trim().min(3, { error: "adminMembers.errors.reason" }).max(300, { error: "adminMembers.errors.reason" });

export const freezeSchema = z.object({ memberId: z.uuid(), freeze: z.enum(["freeze", "unfreeze"]), reason });
export type FreezeInput = z.output<typeof freezeSchema>;

async function lockMember(tx: Tx, memberId: string) {
  const [m] = await tx.select().from(members).where(eq(members.id, memberId)).for("update");
  if (!m) throw new DomainError("not-found", `no member ${memberId}`);
  return m;
}

export async function setFrozen(input: FreezeInput, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const m = await lockMember(tx, input.memberId);
    const [dist] = await tx.select({ frozenAt: distributors.withdrawalsFrozenAt }).from(distributors).where(eq(distributors.memberId, m.id)).for("update");
    const before = { frozen: m.frozenAt !== null, frozenReason: m.frozenReason, withdrawalsFrozen: dist ? dist.frozenAt !== null : null };
    if (input.freeze === "freeze") {
      if (m.frozenAt) throw new DomainError("conflict", "already frozen", { params: { reason: "already-frozen" } });
      const at = now();
      await tx.update(members).set({ frozenAt: at, frozenReason: input.reason }).where(eq(members.id, m.id));
      if (dist && !dist.frozenAt) await tx.update(distributors).set({ withdrawalsFrozenAt: at }).where(eq(distributors.memberId, m.id));
      await audit(tx, actor, { action: "member.freeze", targetType: "member", targetId: m.id, before, after: { frozen: true, frozenReason: input.reason, withdrawalsFrozen: dist ? true : null } });
      return;
    }
    if (!m.frozenAt) throw new DomainError("conflict", "not frozen", { params: { reason: "not-frozen" } });
    await tx.update(members).set({ frozenAt: null, frozenReason: null }).where(eq(members.id, m.id));
    let withdrawalsFrozen = dist ? dist.frozenAt !== null : null;
    if (dist?.frozenAt && dist.frozenAt.getTime() === m.frozenAt.getTime()) {
      await tx.update(distributors).set({ withdrawalsFrozenAt: null }).where(eq(distributors.memberId, m.id));
      withdrawalsFrozen = false;
    }
    await audit(tx, actor, { action: "member.unfreeze", targetType: "member", targetId: m.id, before, after: { frozen: false, frozenReason: null, withdrawalsFrozen, reason: input.reason } });
  });
}

export const tierOverrideSchema = z.discriminatedUnion("op", [
  z.object({
    op: z.literal("set"),
    memberId: z.uuid(),
    tierCode: z.string().trim().min(1, { error: "adminMembers.errors.tier" }),
    until: z.coerce.date({ error: "adminMembers.errors.until" }),
    reason,
  }),
  z.object({ op: z.literal("clear"), memberId: z.uuid(), reason }),
]);
export type TierOverrideInput = z.output<typeof tierOverrideSchema>;

export async function overrideTier(input: TierOverrideInput, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const at = now();
    const tiers = (await loadRuleset(at, tx)).tiers;
    const m = await lockMember(tx, input.memberId);
    const before = { tierCode: m.tierCode, overrideCode: m.tierOverrideCode, overrideUntil: m.tierOverrideUntil?.toISOString() ?? null };
    if (input.op === "set") {
      if (!findTier(tiers.definition, input.tierCode)) throw new DomainError("invalid-request", "unknown tier", { errors: [{ path: "tierCode", message: "adminMembers.errors.tier" }] });
      if (input.until.getTime() <= at.getTime()) throw new DomainError("invalid-request", "the override must end in the future", { errors: [{ path: "until", message: "adminMembers.errors.until" }] });
      await tx.update(members).set({ tierCode: input.tierCode, tierOverrideCode: input.tierCode, tierOverrideUntil: input.until }).where(eq(members.id, m.id));
      await tx.insert(tierHistory).values({ id: newId(), memberId: m.id, fromCode: m.tierCode, toCode: input.tierCode, reason: "override", ruleVersionId: tiers.id, createdAt: at });
      await audit(tx, actor, { action: "member.tier-override", targetType: "member", targetId: m.id, before, after: { tierCode: input.tierCode, overrideCode: input.tierCode, overrideUntil: input.until.toISOString(), reason: input.reason } });
      return;
    }
    if (!m.tierOverrideCode) throw new DomainError("conflict", "no override", { params: { reason: "no-override" } });
    const to = await endOverride(tx, m.id, m.tierCode, "override-cleared", tiers);
    await audit(tx, actor, { action: "member.tier-override.clear", targetType: "member", targetId: m.id, before, after: { tierCode: to, overrideCode: null, overrideUntil: null, reason: input.reason } });
  });
}
