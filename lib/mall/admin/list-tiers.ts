import { now } from "@/lib/clock";
import { loadRuleset } from "@/lib/rules/load-ruleset";

/** The tiers in force, for a reward's tier restriction (code and name in the reader's language). */
export async function listTiers(locale: string): Promise<{ code: string; name: string }[]> {
  const rules = await loadRuleset(now());
  return rules.tiers.definition.tiers.map((t) => ({ code: t.code, name: locale === "en" ? t.name.en : t.name["zh-CN"] }));
}
