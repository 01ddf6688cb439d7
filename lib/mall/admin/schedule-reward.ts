// When a reward is on offer: startsAt (null: already) to endsAt (null: open-ended). A flash
// reward needs both ends of its window.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { rewards, type Reward } from "@/db/schema";
import { audit } from "@/lib/admin/audit";
import { now } from "@/lib/clock";
import { DomainError, fieldErrors } from "@/lib/errors";
import type { Staff } from "./staff";
import { assertId } from "./ids";

const rfc3339 = z.iso.datetime({ offset: true });
export const scheduleSchema = z
  .object({ startsAt: rfc3339.nullable(), endsAt: rfc3339.nullable() })
  .refine((s) => !s.startsAt || !s.endsAt || new Date(s.endsAt) > new Date(s.startsAt), { path: ["endsAt"], message: "must be after startsAt" });

export async function scheduleReward(rewardId: string, input: unknown, staff: Staff): Promise<Reward> {
  assertId(rewardId, "reward");
  const parsed = scheduleSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("invalid-request", "invalid schedule", { errors: fieldErrors(parsed.error.issues) });
  const startsAt = parsed.data.startsAt ? new Date(parsed.data.startsAt) : null;
  const endsAt = parsed.data.endsAt ? new Date(parsed.data.endsAt) : null;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(rewards).where(eq(rewards.id, rewardId)).for("update");
    if (!current) throw new DomainError("not-found", "no such reward");
    if (current.flash && (!startsAt || !endsAt)) {
      throw new DomainError("invalid-request", "a flash reward needs startsAt and endsAt", { errors: [{ path: startsAt ? "endsAt" : "startsAt", message: "a flash reward needs startsAt and endsAt" }] });
    }
    const [row] = await tx.update(rewards).set({ startsAt, endsAt, updatedAt: now() }).where(eq(rewards.id, rewardId)).returning();
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    if (iso(current.startsAt) !== iso(startsAt) || iso(current.endsAt) !== iso(endsAt)) {
      await audit(tx, staff, {
        action: "reward.schedule",
        targetType: "reward",
        targetId: rewardId,
        before: { startsAt: iso(current.startsAt), endsAt: iso(current.endsAt) },
        after: { startsAt: iso(startsAt), endsAt: iso(endsAt) },
      });
    }
    return row!;
  });
}
