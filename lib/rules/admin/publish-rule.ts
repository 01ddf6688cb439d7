// Publishing: a new immutable version of a rule key, numbered one above the latest, effective now or
// at a scheduled instant (never in the past), audited in the same transaction. Two admins publishing
// at once both compute the same next number; the unique (rule_key, version) index lets one through
// and the other retries — getting the next number, or a conflict when its change was based on a
// version that is no longer the latest (so nobody overwrites a change they have not seen).
import { desc, eq, sql } from "drizzle-orm";
import { db, type Executor, type Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { ruleVersions, type RuleVersion } from "@/db/schema";
import { audit, type AuditActor } from "@/lib/admin/audit";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { ruleKindOf } from "../schema";
import { validateRule } from "./validate-rule";

export interface PublishInput {
  ruleKey: string;
  definition: unknown;
  /** "now", or an instant that must not be in the past. */
  effectiveAt: Date | "now";
  /**
   * The latest version the change was made against (null: the key had no version). If a newer
   * version exists by now the publish is a conflict. Undefined: publish on top of the latest (rollback).
   */
  basedOnVersion?: number | null;
  note?: string;
  action: "rule.publish" | "rule.rollback";
}

const ATTEMPTS = 5;

/** Runs `work` in a transaction, again when a concurrent publish took the version number first. */
export async function withPublishRetry<T>(ex: Executor, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ex.transaction(work);
    } catch (e) {
      if (!isUniqueViolation(e, "rule_versions_key_version_uq")) throw e;
      if (attempt >= ATTEMPTS) throw new DomainError("conflict", "other versions of this rule are being published at the same time; try again");
    }
  }
}

/** One attempt, inside the caller's transaction. */
export async function publishVersion(tx: Tx, input: PublishInput, actor: AuditActor): Promise<RuleVersion> {
  const at = now();
  const effectiveAt = input.effectiveAt === "now" ? at : input.effectiveAt;
  if (Number.isNaN(effectiveAt.getTime()) || effectiveAt.getTime() < at.getTime()) {
    throw new DomainError("invalid-request", "effectiveAt is in the past", {
      errors: [{ path: "effectiveAt", message: "must be now or later" }],
      params: { reason: "effective-in-past" },
    });
  }
  // Whether a campaign is ambiguous depends on the OTHER campaigns: publishes of campaigns queue on
  // one lock so two overlapping ones cannot both pass the check at once.
  if (ruleKindOf(input.ruleKey) === "campaign") await tx.execute(sql`select pg_advisory_xact_lock(hashtext('jifen:rule-publish:campaign'))`);
  const check = await validateRule(input.ruleKey, input.definition, { at, ex: tx });
  if (!check.ok) {
    throw new DomainError("invalid-request", `invalid rule ${input.ruleKey}`, { errors: check.issues.map(({ path, message }) => ({ path, message })) });
  }
  const [latest] = await tx.select().from(ruleVersions).where(eq(ruleVersions.ruleKey, input.ruleKey)).orderBy(desc(ruleVersions.version)).limit(1);
  const latestVersion = latest?.version ?? null;
  if (input.basedOnVersion !== undefined && input.basedOnVersion !== latestVersion) {
    throw new DomainError("conflict", `version ${latestVersion} of ${input.ruleKey} was published after this change was started from ${input.basedOnVersion ?? "nothing"}`, {
      params: { latest: latestVersion ?? 0, base: input.basedOnVersion ?? 0 },
    });
  }
  const [row] = await tx
    .insert(ruleVersions)
    .values({
      id: newId(),
      ruleKey: input.ruleKey,
      kind: check.kind,
      version: (latestVersion ?? 0) + 1,
      definition: check.definition as unknown as Record<string, unknown>,
      effectiveAt,
      note: input.note?.trim().slice(0, 500) ?? "",
      createdBy: actor.userId,
      createdAt: at,
    })
    .returning();
  await audit(tx, actor, {
    action: input.action,
    targetType: "rule",
    targetId: input.ruleKey,
    before: latest ? { version: latest.version, effectiveAt: latest.effectiveAt.toISOString(), ...latest.definition } : null,
    after: { version: row!.version, effectiveAt: effectiveAt.toISOString(), ...(check.definition as object), ...(row!.note ? { note: row!.note } : {}) },
  });
  return row!;
}

/** Publishes a definition as the next version of its key (see publish-draft.ts for the editor's path). */
export async function publishRule(input: PublishInput, actor: AuditActor, ex: Executor = db): Promise<RuleVersion> {
  return withPublishRetry(ex, (tx) => publishVersion(tx, input, actor));
}
