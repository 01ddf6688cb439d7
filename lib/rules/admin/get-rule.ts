// One rule key for the editor: its versions (newest first, each with where it stands), the version in
// force, and the admin's draft with its issues and whether someone published since it was started.
import { desc, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { ruleVersions, users } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { ruleKindOf, type RuleKind } from "../schema";
import { checkDefinition, type RuleIssue } from "./rule-issues";
import { getDraft } from "./save-draft";
import { validateRule } from "./validate-rule";
import { versionStatuses, type VersionStatus } from "./version-status";

export interface VersionView {
  id: string;
  version: number;
  effectiveAt: Date;
  note: string;
  createdAt: Date;
  createdBy: string | null;
  status: VersionStatus;
  /** Parsed (defaults filled) when valid, else as stored. */
  definition: unknown;
}

export interface DraftView {
  definition: unknown;
  updatedAt: Date;
  /** The latest version when the draft was started (null: a new key). */
  baseVersion: number | null;
  /** A newer version was published since: publishing is a conflict until the admin rebases. */
  stale: boolean;
  issues: RuleIssue[];
  /** Parsed by its schema (defaults filled, fields in schema order), when the schema accepts it. */
  parsed: unknown;
}

export interface RuleDetail {
  ruleKey: string;
  kind: RuleKind;
  versions: VersionView[];
  inForce: VersionView | null;
  latest: VersionView | null;
  draft: DraftView | null;
}

export async function getRule(ruleKey: string, actor: { userId: string }, at: Date, ex: Executor = db): Promise<RuleDetail> {
  const kind = ruleKindOf(ruleKey);
  if (!kind) throw new DomainError("not-found", `unknown rule key ${ruleKey}`);
  const [rows, draft] = await Promise.all([
    ex.select().from(ruleVersions).where(eq(ruleVersions.ruleKey, ruleKey)).orderBy(desc(ruleVersions.version)),
    getDraft(ruleKey, actor, ex),
  ]);
  if (!rows.length && !draft) throw new DomainError("not-found", `no rule ${ruleKey}`);
  const authorIds = [...new Set(rows.map((r) => r.createdBy).filter((x): x is string => x !== null))];
  const authors = authorIds.length ? await ex.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, authorIds)) : [];
  const emailOf = new Map(authors.map((a) => [a.id, a.email]));
  const status = versionStatuses(rows, at);
  const versions: VersionView[] = rows.map((r) => {
    const check = checkDefinition(ruleKey, r.definition);
    return {
      id: r.id,
      version: r.version,
      effectiveAt: r.effectiveAt,
      note: r.note,
      createdAt: r.createdAt,
      createdBy: r.createdBy ? (emailOf.get(r.createdBy) ?? null) : null,
      status: status.get(r.version)!,
      definition: check.ok ? check.definition : r.definition,
    };
  });
  const latest = versions[0] ?? null;
  let draftView: DraftView | null = null;
  if (draft) {
    const base = draft.baseVersionId ? (rows.find((r) => r.id === draft.baseVersionId)?.version ?? null) : null;
    const check = await validateRule(ruleKey, draft.definition, { at, ex });
    const schema = checkDefinition(ruleKey, draft.definition);
    draftView = {
      definition: draft.definition,
      updatedAt: draft.updatedAt,
      baseVersion: base,
      stale: (latest?.version ?? null) !== base,
      issues: check.issues,
      parsed: schema.ok ? schema.definition : null,
    };
  }
  return { ruleKey, kind, versions, inForce: versions.find((v) => v.status === "in-force") ?? null, latest, draft: draftView };
}
