// Side-by-side diff of two rule definitions, field by field: both are flattened to dotted leaf paths
// ("tiers.1.threshold", "levelRatesBps.0") and compared. Arrays compare by position, which is what
// the rules mean (tier order, level order).

export type DiffStatus = "same" | "changed" | "added" | "removed";

export interface DiffRow {
  path: string;
  before: unknown;
  after: unknown;
  status: DiffStatus;
}

const MISSING = Symbol("missing");

/** Leaf values by dotted path; empty objects and arrays are leaves (so "[]" vs "[1]" still shows), except the root. */
export function flatten(value: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, value);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return out;
  }
  out.set(prefix, value);
  return out;
}

/** Every leaf of either side, in the order `after` lists them, then what only `before` had. */
export function diffDefinitions(before: unknown, after: unknown): DiffRow[] {
  const b = flatten(before);
  const a = flatten(after);
  const paths = [...a.keys(), ...[...b.keys()].filter((k) => !a.has(k))];
  return paths.map((path) => {
    const bv = b.has(path) ? b.get(path) : MISSING;
    const av = a.has(path) ? a.get(path) : MISSING;
    const status: DiffStatus = bv === MISSING ? "added" : av === MISSING ? "removed" : JSON.stringify(bv) === JSON.stringify(av) ? "same" : "changed";
    return { path, before: bv === MISSING ? undefined : bv, after: av === MISSING ? undefined : av, status };
  });
}
