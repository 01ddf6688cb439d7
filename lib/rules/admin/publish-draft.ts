// The editor's publish: the admin's saved draft of a key becomes its next version, and the draft is
// gone — in one transaction, with the draft row locked so a save racing the publish is not lost.
import { and, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { ruleDrafts, ruleVersions, type RuleVersion } from "@/db/schema";
import type { AuditActor } from "@/lib/admin/audit";
import { DomainError } from "@/lib/errors";
import { publishVersion, withPublishRetry } from "./publish-rule";

export async function publishDraft(
  input: { ruleKey: string; effectiveAt: Date | "now"; note?: string },
  actor: AuditActor,
  ex: Executor = db,
): Promise<RuleVersion> {
  return withPublishRetry(ex, async (tx) => {
    const [draft] = await tx
      .select()
      .from(ruleDrafts)
      .where(and(eq(ruleDrafts.ruleKey, input.ruleKey), eq(ruleDrafts.createdBy, actor.userId)))
      .for("update");
    if (!draft) throw new DomainError("not-found", `no draft of ${input.ruleKey}`);
    const [base] = draft.baseVersionId ? await tx.select({ version: ruleVersions.version }).from(ruleVersions).where(eq(ruleVersions.id, draft.baseVersionId)) : [];
    const version = await publishVersion(
      tx,
      { ruleKey: input.ruleKey, definition: draft.definition, effectiveAt: input.effectiveAt, basedOnVersion: base?.version ?? null, note: input.note, action: "rule.publish" },
      actor,
    );
    await tx.delete(ruleDrafts).where(eq(ruleDrafts.id, draft.id));
    return version;
  });
}
