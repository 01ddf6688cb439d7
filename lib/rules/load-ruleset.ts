import { sql } from "drizzle-orm";
import { db, rowsOf, type Executor } from "@/db/client";
import { ruleVersions } from "@/db/schema";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { buildRuleset } from "./ruleset";
import { DEFAULT_RULES, type Ruleset } from "./schema";

/**
 * The rules in force at `at`: for each rule key, the highest version whose effectiveAt ≤ at.
 * One indexed query; evaluated per use case (no in-process cache, so every instance agrees the
 * moment a version is published).
 */
export async function loadRuleset(at: Date, ex: Executor = db): Promise<Ruleset> {
  const rows = rowsOf<{ id: string; rule_key: string; definition: unknown }>(
    await ex.execute(sql`
      select distinct on (rule_key) id::text, rule_key, definition
        from ${ruleVersions}
       where effective_at <= ${at.toISOString()}
       order by rule_key, version desc`),
  );
  const key = rows.map((r) => r.id).join(",");
  const cached = parsed.get(key);
  if (cached) return cached;
  const ruleset = buildRuleset(rows.map((r) => ({ id: r.id, ruleKey: r.rule_key, definition: r.definition })));
  if (parsed.size >= 64) parsed.delete(parsed.keys().next().value!);
  parsed.set(key, ruleset);
  return ruleset;
}

// Parsed rulesets by the ids of their versions. Safe to keep in process: a version is immutable,
// so the same ids always mean the same rules; which versions are in force is still read every time.
const parsed = new Map<string, Ruleset>();

/** The start of time for default rules: they apply to any historical order a shop imports. */
const EPOCH = new Date("2000-01-01T00:00:00Z");

/** Writes version 1 of every default rule key that has no version yet (idempotent). */
export async function ensureDefaultRules(ex: Executor = db, overrides: ReadonlyArray<{ ruleKey: string; kind: string; definition: unknown }> = []): Promise<number> {
  const wanted = [...DEFAULT_RULES.filter((d) => !overrides.some((o) => o.ruleKey === d.ruleKey)), ...overrides];
  const inserted = await ex
    .insert(ruleVersions)
    .values(
      wanted.map((r) => ({
        id: newId(),
        ruleKey: r.ruleKey,
        kind: r.kind,
        version: 1,
        definition: r.definition as Record<string, unknown>,
        effectiveAt: EPOCH,
        note: "default",
        createdAt: now(),
      })),
    )
    .onConflictDoNothing()
    .returning({ id: ruleVersions.id });
  return inserted.length;
}
