// One rule issue → a sentence in the reader's language, with bounds shown in the field's unit
// (a rate's maximum is "100%", not "10000"). Unknown issues fall back to the API's English text.
import type { RuleIssue } from "@/lib/rules/admin/rule-issues";
import { splitPath, unitOf, toDisplay, type Unit } from "./paths";

export type Translate = (key: string, values?: Record<string, string | number>) => string;
export type HasKey = (key: string) => boolean;

export function formatUnit(unit: Unit, stored: number, locale: string): string {
  const n = toDisplay(unit, stored);
  const num = (v: number, max = 4) => new Intl.NumberFormat(locale, { maximumFractionDigits: max }).format(v);
  switch (unit) {
    case "multiplier":
      return `×${num(n)}`;
    case "percentBps":
      return `${num(n, 2)}%`;
    case "money":
      return `¥${num(n, 2)}`;
    default:
      return num(n, 0);
  }
}

/** `t` is scoped to the "rules" namespace. */
export function issueText(issue: RuleIssue, t: Translate, has: HasKey, locale: string): string {
  const unit = unitOf(splitPath(issue.path));
  const p = issue.params;
  const bound = (v: unknown) => (typeof v === "number" ? formatUnit(unit, v, locale) : String(v));
  if (issue.reason) {
    const key = `reason.${issue.reason}`;
    if (!has(key)) return issue.message;
    const values: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(p)) if (typeof v === "string" || typeof v === "number") values[k] = v;
    if (issue.reason === "campaign-overlap") {
      values.name = String(locale === "en" ? p.otherEn : p.otherZh);
      values.from = typeof p.from === "string" ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: typeof p.timeZone === "string" ? p.timeZone : undefined }).format(new Date(p.from)) : "";
    }
    if (issue.reason === "thresholds-increasing" && typeof p.previous === "number") values.previous = new Intl.NumberFormat(locale).format(p.previous);
    return t(key, values);
  }
  const origin = p.origin;
  switch (issue.code) {
    case "too_big":
      if (origin === "array") return t("issue.tooMany", { max: Number(p.maximum) });
      if (origin === "string") return t("issue.tooLong", { max: Number(p.maximum) });
      return t("issue.tooBig", { max: bound(p.maximum) });
    case "too_small":
      if (origin === "array") return t("issue.tooFew", { min: Number(p.minimum) });
      if (origin === "string") return t("issue.required");
      return t("issue.tooSmall", { min: bound(p.minimum) });
    case "invalid_type":
      if (p.expected === "int") return t("issue.decimals", { places: unit === "count" ? 0 : unit === "multiplier" ? 4 : 2 });
      if (p.expected === "number") return t("issue.notNumber");
      if (p.expected === "string") return t("issue.required");
      return t("issue.invalidType");
    case "invalid_format":
      return p.format === "datetime" ? t("issue.dateTime") : p.format === "regex" ? t("issue.code") : t("issue.invalidType");
    case "invalid_union":
    case "invalid_value":
      return t("issue.choice");
    case "unrecognized_keys":
      return t("issue.unknownKeys", { keys: Array.isArray(p.keys) ? p.keys.join(", ") : "" });
    default:
      return issue.message;
  }
}
