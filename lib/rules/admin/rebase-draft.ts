// After a conflict (someone published a newer version while this draft was open), the admin reviews
// the diff against the new version in force and then takes it as the draft's base: the draft's
// content is kept, and publishing it will knowingly replace the newer version.
import { and, desc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { ruleDrafts, ruleVersions } from "@/db/schema";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";

export async function rebaseDraft(ruleKey: string, actor: { userId: string }, ex: Executor = db): Promise<number | null> {
  return ex.transaction(async (tx) => {
    const [latest] = await tx.select({ id: ruleVersions.id, version: ruleVersions.version }).from(ruleVersions).where(eq(ruleVersions.ruleKey, ruleKey)).orderBy(desc(ruleVersions.version)).limit(1);
    const rows = await tx
      .update(ruleDrafts)
      .set({ baseVersionId: latest?.id ?? null, updatedAt: now() })
      .where(and(eq(ruleDrafts.ruleKey, ruleKey), eq(ruleDrafts.createdBy, actor.userId)))
      .returning({ id: ruleDrafts.id });
    if (!rows.length) throw new DomainError("not-found", `no draft of ${ruleKey}`);
    return latest?.version ?? null;
  });
}
