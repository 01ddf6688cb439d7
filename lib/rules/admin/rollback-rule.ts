// One-click rollback: a NEW version (latest + 1) whose definition equals an old one's. History is
// never rewritten, so what was awarded under the versions in between still names them.
import { and, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { ruleVersions, type RuleVersion } from "@/db/schema";
import type { AuditActor } from "@/lib/admin/audit";
import { DomainError } from "@/lib/errors";
import { publishVersion, withPublishRetry } from "./publish-rule";

export async function rollbackRule(
  input: { ruleKey: string; toVersion: number; effectiveAt?: Date | "now" },
  actor: AuditActor,
  ex: Executor = db,
): Promise<RuleVersion> {
  return withPublishRetry(ex, async (tx) => {
    const [old] = await tx
      .select()
      .from(ruleVersions)
      .where(and(eq(ruleVersions.ruleKey, input.ruleKey), eq(ruleVersions.version, input.toVersion)));
    if (!old) throw new DomainError("not-found", `no version ${input.toVersion} of ${input.ruleKey}`);
    return publishVersion(
      tx,
      { ruleKey: input.ruleKey, definition: old.definition, effectiveAt: input.effectiveAt ?? "now", note: `rollback to v${old.version}`, action: "rule.rollback" },
      actor,
    );
  });
}
