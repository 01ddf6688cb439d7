// Events from the shop or the member's own actions (sign-up, check-in, review, share, custom types)
// that may earn points by the action rules in force. 0 points is a normal answer, with a reason.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor, type Tx } from "@/db/client";
import { checkIns, members } from "@/db/schema";
import { DAY_MS, now as clockNow } from "@/lib/clock";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { actionKey, evaluateEvent, expiresAt as expiryFor } from "@/lib/rules";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { localDay, readRuleUsage, recordRuleUsage } from "@/lib/rules/usage";
import { entryView, type LedgerEntryView } from "./entry-view";
import { credit, lockBalance } from "./ledger";

export const eventSchema = z.object({
  memberId: z.guid({ error: "no member with this id" }),
  type: z.string().trim().min(1).max(64).regex(/^[a-z0-9][a-z0-9._-]*$/, "lower-case letters, digits, . _ -"),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type EventInput = z.output<typeof eventSchema>;

export interface EventResult {
  pointsAwarded: number;
  reason: string;
  entries: LedgerEntryView[];
  streak?: number;
}

export async function recordEvent(input: EventInput, { actor, ex = db }: { actor: string; ex?: Executor }): Promise<EventResult> {
  const at = clockNow();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : at;
  if (occurredAt.getTime() > at.getTime() + DAY_MS) {
    throw new DomainError("invalid-request", "occurredAt is in the future", { errors: [{ path: "occurredAt", message: "must not be more than a day in the future" }] });
  }
  return ex.transaction((tx) => record(tx, input, occurredAt, actor));
}

async function record(tx: Tx, input: EventInput, occurredAt: Date, actor: string): Promise<EventResult> {
  const tz = env.DEPLOYMENT_TZ;
  const [member] = await tx.select({ id: members.id, tierCode: members.tierCode, frozenAt: members.frozenAt }).from(members).where(eq(members.id, input.memberId));
  if (!member) throw new DomainError("invalid-request", "unknown member", { errors: [{ path: "memberId", message: "no member with this id" }] });
  await lockBalance(tx, member.id);

  const streak = input.type === "check-in" ? await checkIn(tx, member.id, occurredAt, tz) : undefined;
  // A check-in counts once per local day, whatever the rule's caps say.
  if (streak === null) return { pointsAwarded: 0, reason: "already-checked-in", entries: [] };
  const rules = await loadRuleset(occurredAt, tx);
  const ruleKey = actionKey(input.type);
  const usage = (await readRuleUsage(tx, member.id, [ruleKey], occurredAt, tz))[ruleKey]!;
  const result = evaluateEvent(
    rules,
    { type: input.type, occurredAt, streak },
    { tierCode: member.tierCode },
    { memberDay: usage.countDay, memberMonth: usage.countMonth, memberTotal: usage.countTotal, budgetUsed: usage.budgetUsed },
  );
  if (member.frozenAt || result.points <= 0) {
    return { pointsAwarded: 0, reason: member.frozenAt ? "member-frozen" : result.reason, entries: [], ...(streak ? { streak } : {}) };
  }
  const earning = rules.earning.definition;
  const { entry } = await credit(tx, {
    memberId: member.id,
    points: result.points,
    type: "earn",
    availableAt: occurredAt,
    expiresAt: expiryFor(earning.expiry, occurredAt, tz),
    reason: `event:${input.type}`,
    actor,
    explanation: result.explanation as unknown as Record<string, unknown>,
    ruleVersionIds: result.ruleVersionIds,
  });
  await recordRuleUsage(tx, member.id, [{ ruleKey, points: result.points }], occurredAt, tz);
  return { pointsAwarded: result.points, reason: result.reason, entries: [entryView(entry)], ...(streak ? { streak } : {}) };
}

/** Records today's check-in (once per local day) and returns the streak length including today. */
async function checkIn(tx: Tx, memberId: string, at: Date, tz: string): Promise<number | null> {
  const { day } = localDay(at, tz);
  const { day: yesterday } = localDay(new Date(at.getTime() - DAY_MS), tz);
  const [already] = await tx.select({ streak: checkIns.streak }).from(checkIns).where(and(eq(checkIns.memberId, memberId), eq(checkIns.day, day)));
  if (already) return null; // a second check-in today earns nothing (the daily cap says why)
  const [prev] = await tx.select({ streak: checkIns.streak }).from(checkIns).where(and(eq(checkIns.memberId, memberId), eq(checkIns.day, yesterday)));
  const streak = (prev?.streak ?? 0) + 1;
  await tx.insert(checkIns).values({ memberId, day, streak, createdAt: at });
  return streak;
}
