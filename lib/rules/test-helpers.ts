// Test-only: the default ruleset with readable version ids ("v:earning"), and builders for
// variations. Not for production code — real ids are the rule_versions uuids.
import { buildRuleset } from "./ruleset";
import {
  DEFAULT_RULES,
  campaignRuleSchema,
  type CampaignRuleInput,
  type Ruleset,
  type Versioned,
  type CampaignRule,
} from "./schema";

export function testRuleset(overrides: Record<string, unknown> = {}): Ruleset {
  const keys = new Set([...DEFAULT_RULES.map((r) => r.ruleKey), ...Object.keys(overrides)]);
  return buildRuleset(
    [...keys].map((ruleKey) => ({
      id: `v:${ruleKey}`,
      ruleKey,
      definition: ruleKey in overrides ? overrides[ruleKey] : DEFAULT_RULES.find((r) => r.ruleKey === ruleKey)!.definition,
    })),
  );
}

export function campaign(slug: string, def: CampaignRuleInput): Versioned<CampaignRule> {
  return { id: `v:campaign.${slug}`, ruleKey: `campaign.${slug}`, definition: campaignRuleSchema.parse(def) };
}
