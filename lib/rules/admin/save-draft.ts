// Saving the editor's work: one draft per rule key per admin, stored as typed even when invalid (so
// nothing is lost mid-edit) and returned with its issues; publishing refuses a draft with issues.
import { and, desc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { ruleDrafts, ruleVersions, type RuleDraft } from "@/db/schema";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { ruleKindOf } from "../schema";
import type { RuleIssue } from "./rule-issues";
import { validateRule } from "./validate-rule";

/** A draft bigger than this is not a rule someone typed. */
export const MAX_DRAFT_BYTES = 256 * 1024;

export async function saveDraft(
  input: { ruleKey: string; definition: unknown },
  actor: { userId: string },
  ex: Executor = db,
): Promise<{ draft: RuleDraft; issues: RuleIssue[] }> {
  const kind = ruleKindOf(input.ruleKey);
  if (!kind) throw new DomainError("not-found", `unknown rule key ${input.ruleKey}`);
  const json = JSON.stringify(input.definition ?? null);
  if (json.length > MAX_DRAFT_BYTES) throw new DomainError("invalid-request", "draft too large", { errors: [{ path: "definition", message: "too large" }] });
  const definition = JSON.parse(json) as Record<string, unknown>;
  const at = now();
  const draft = await ex.transaction(async (tx) => {
    // The base is fixed when editing begins (the first save); later saves keep it.
    const [latest] = await tx.select({ id: ruleVersions.id }).from(ruleVersions).where(eq(ruleVersions.ruleKey, input.ruleKey)).orderBy(desc(ruleVersions.version)).limit(1);
    const [row] = await tx
      .insert(ruleDrafts)
      .values({ id: newId(), ruleKey: input.ruleKey, kind, definition, baseVersionId: latest?.id ?? null, createdBy: actor.userId, updatedAt: at })
      .onConflictDoUpdate({ target: [ruleDrafts.ruleKey, ruleDrafts.createdBy], set: { definition, updatedAt: at } })
      .returning();
    return row!;
  });
  const check = await validateRule(input.ruleKey, definition, { at, ex });
  return { draft, issues: check.issues };
}

/** The admin's draft of a key, or null. */
export async function getDraft(ruleKey: string, actor: { userId: string }, ex: Executor = db): Promise<RuleDraft | null> {
  const [row] = await ex.select().from(ruleDrafts).where(and(eq(ruleDrafts.ruleKey, ruleKey), eq(ruleDrafts.createdBy, actor.userId)));
  return row ?? null;
}
