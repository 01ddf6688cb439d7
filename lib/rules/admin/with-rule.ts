// A ruleset with one rule key's definition replaced (or added): how a draft is tried out — in a
// preview and in a backtest — through exactly the evaluators ingestion uses.
import type { RuleDefinitions, RuleKind, Ruleset, Versioned } from "../schema";

/** The id a draft's rule carries in explanations; never a real version id. */
export const DRAFT_VERSION_ID = "draft";

export function withRule(rules: Ruleset, ruleKey: string, kind: RuleKind, definition: RuleDefinitions[RuleKind], id: string = DRAFT_VERSION_ID): Ruleset {
  const v = <T>(d: unknown): Versioned<T> => ({ id, ruleKey, definition: d as T });
  const byKey = (a: { ruleKey: string }, b: { ruleKey: string }) => (a.ruleKey < b.ruleKey ? -1 : a.ruleKey > b.ruleKey ? 1 : 0);
  switch (kind) {
    case "earning":
      return { ...rules, earning: v(definition) };
    case "tiers":
      return { ...rules, tiers: v(definition) };
    case "distribution":
      return { ...rules, distribution: v(definition) };
    case "campaign":
      return { ...rules, campaigns: [...rules.campaigns.filter((c) => c.ruleKey !== ruleKey), v<RuleDefinitions["campaign"]>(definition)].sort(byKey) };
    case "action":
      return { ...rules, actions: [...rules.actions.filter((c) => c.ruleKey !== ruleKey), v<RuleDefinitions["action"]>(definition)].sort(byKey) };
  }
}
