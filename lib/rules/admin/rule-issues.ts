// Validation of a rule definition for the editor: the same schemas (and the same "definition.…"
// field paths) as parseRule, but every issue keeps its zod code and values so a form can say which
// field and why in the reader's language. The English `message` is what the API would return.
import { ruleKindOf, ruleSchemas, type RuleDefinitions, type RuleKind } from "../schema";

export type IssueParam = string | number | boolean | null | string[] | number[];

export interface RuleIssue {
  /** Dotted path as parseRule reports it: "definition.levelRatesBps.0", "ruleKey", "effectiveAt". */
  path: string;
  /** zod's issue code ("too_big", "invalid_type", …) or "custom" for a rule of ours. */
  code: string;
  /** For custom issues: the rule broken ("rates-sum", "campaign-overlap", …). */
  reason?: string;
  /** The issue's values (minimum, maximum, expected, keys, other campaign's key and names …). */
  params: Record<string, IssueParam>;
  message: string;
}

export type RuleCheck<K extends RuleKind = RuleKind> =
  | { ok: true; kind: K; definition: RuleDefinitions[K]; issues: [] }
  | { ok: false; kind: K | null; issues: RuleIssue[] };

const KEPT = ["minimum", "maximum", "inclusive", "origin", "expected", "format", "keys", "values", "options", "divisor"] as const;

function toParam(v: unknown): IssueParam | undefined {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v as string[];
  if (Array.isArray(v) && v.every((x) => typeof x === "number")) return v as number[];
  if (Array.isArray(v)) return v.map(String);
  return undefined;
}

/** zod issues → rule issues under `prefix` (parseRule's "definition"). */
export function toRuleIssues(issues: ReadonlyArray<{ code: string; path: PropertyKey[]; message: string } & Record<string, unknown>>, prefix = "definition"): RuleIssue[] {
  return issues.map((i) => {
    const params: Record<string, IssueParam> = {};
    for (const k of KEPT) {
      const v = toParam(i[k]);
      if (v !== undefined) params[k] = v;
    }
    const custom = (i.params ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(custom)) {
      const p = toParam(v);
      if (p !== undefined && k !== "reason") params[k] = p;
    }
    const rel = i.path.map(String).join(".");
    return {
      path: rel ? `${prefix}.${rel}` : prefix,
      code: i.code,
      ...(typeof custom.reason === "string" ? { reason: custom.reason } : {}),
      params,
      message: i.message,
    };
  });
}

/** Schema validation of a definition for `ruleKey` (no database: cross-rule checks are in validate-rule.ts). */
export function checkDefinition(ruleKey: string, definition: unknown): RuleCheck {
  const kind = ruleKindOf(ruleKey);
  if (!kind) return { ok: false, kind: null, issues: [{ path: "ruleKey", code: "custom", reason: "unknown-key", params: {}, message: "unknown rule key" }] };
  const parsed = ruleSchemas[kind].safeParse(definition);
  if (!parsed.success) return { ok: false, kind, issues: toRuleIssues(parsed.error.issues as never) };
  return { ok: true, kind, definition: parsed.data, issues: [] };
}
