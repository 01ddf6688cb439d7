// Turning stored rule versions (jsonb definitions) into a typed Ruleset. Parsing on load — not only
// on publish — fills defaults for fields added after a version was written, and refuses a corrupt
// definition loudly instead of evaluating it.
import { DomainError, fieldErrors } from "@/lib/errors";
import { ruleKindOf, ruleSchemas, type RuleDefinitions, type RuleKind, type Ruleset, type Versioned } from "./schema";

/** Validates a definition for `ruleKey`; a bad one is an invalid-request with field paths under "definition". */
export function parseRule(ruleKey: string, definition: unknown): { kind: RuleKind; definition: RuleDefinitions[RuleKind] } {
  const kind = ruleKindOf(ruleKey);
  if (!kind) {
    throw new DomainError("invalid-request", `unknown rule key ${ruleKey}`, { errors: [{ path: "ruleKey", message: "unknown rule key" }] });
  }
  const parsed = ruleSchemas[kind].safeParse(definition);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error.issues).map((e) => ({ ...e, path: e.path ? `definition.${e.path}` : "definition" }));
    throw new DomainError("invalid-request", `invalid ${kind} rule ${ruleKey}`, { errors });
  }
  return { kind, definition: parsed.data };
}

/**
 * The versions in force (one per rule key) → a Ruleset. earning, tiers and distribution must be
 * present (a clean database is seeded with DEFAULT_RULES); campaigns and actions are optional.
 */
export function buildRuleset(versions: ReadonlyArray<Versioned<unknown>>): Ruleset {
  const seen = new Set<string>();
  const out: Partial<Pick<Ruleset, "earning" | "tiers" | "distribution">> = {};
  const campaigns: Ruleset["campaigns"] = [];
  const actions: Ruleset["actions"] = [];
  for (const v of versions) {
    if (seen.has(v.ruleKey)) throw new Error(`two versions of ${v.ruleKey} in one ruleset`);
    seen.add(v.ruleKey);
    const { kind, definition } = parseRule(v.ruleKey, v.definition);
    const base = { id: v.id, ruleKey: v.ruleKey };
    switch (kind) {
      case "earning":
        out.earning = { ...base, definition: definition as RuleDefinitions["earning"] };
        break;
      case "tiers":
        out.tiers = { ...base, definition: definition as RuleDefinitions["tiers"] };
        break;
      case "distribution":
        out.distribution = { ...base, definition: definition as RuleDefinitions["distribution"] };
        break;
      case "campaign":
        campaigns.push({ ...base, definition: definition as RuleDefinitions["campaign"] });
        break;
      case "action":
        actions.push({ ...base, definition: definition as RuleDefinitions["action"] });
        break;
    }
  }
  const { earning, tiers, distribution } = out;
  if (!earning || !tiers || !distribution) {
    const missing = (["earning", "tiers", "distribution"] as const).filter((k) => !out[k]);
    throw new Error(`ruleset is missing ${missing.join(", ")}`);
  }
  // Key order makes evaluation independent of the order rows came back from the database.
  const byKey = (a: { ruleKey: string }, b: { ruleKey: string }) => (a.ruleKey < b.ruleKey ? -1 : a.ruleKey > b.ruleKey ? 1 : 0);
  return { earning, tiers, distribution, campaigns: campaigns.sort(byKey), actions: actions.sort(byKey) };
}
