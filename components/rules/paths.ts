// How the editor names and shows a rule field: its label key (messages rules.f.*), its unit (the form
// shows ×1.5 and 10 %, the rule stores basis points; ¥ amounts are stored in cents) and conversions.
// Shared by the forms, the issue list and the diff.

export type Path = (string | number)[];
export type Unit = "multiplier" | "percentBps" | "money" | "count";

/** Containers whose children are keyed by a SKU or category (the key is data, not a field). */
const MAPS = new Set(["categoryMultipliersBps", "skuMultipliersBps", "categoryRatesBps", "skuRatesBps"]);
const MULTIPLIERS = new Set(["earnMultiplierBps", "categoryMultipliersBps", "skuMultipliersBps", "bps"]);
const PERCENT_BPS = new Set(["levelRatesBps", "categoryRatesBps", "skuRatesBps", "ratesBps", "catalogueDiscountBps", "feeBps", "refundRateBps"]);

/** "definition.tiers.2.threshold" → ["tiers", 2, "threshold"]. */
export function splitPath(path: string): Path {
  const rel = path === "definition" ? "" : path.startsWith("definition.") ? path.slice("definition.".length) : path;
  if (!rel) return [];
  return rel.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export const joinPath = (p: Path) => ["definition", ...p].join(".");

/** The field's named segments (indexes and map keys dropped): the label and unit come from these. */
function named(path: Path): string[] {
  const out: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const s = path[i]!;
    if (typeof s === "number") continue;
    if (i > 0 && MAPS.has(String(path[i - 1]))) continue;
    out.push(s === "zh-CN" ? "zhCN" : s);
  }
  return out;
}

/** Message key under rules.f for a path ("tiers_threshold"), or "" for the whole definition. */
export function labelKey(path: Path): string {
  return named(path).join("_");
}

/** The index and map-key parts of a path, for "Threshold (tier 3)" style context. */
export function pathContext(path: Path): { indexes: number[]; keys: string[] } {
  const indexes: number[] = [];
  const keys: string[] = [];
  path.forEach((s, i) => {
    if (typeof s === "number") indexes.push(s);
    else if (i > 0 && MAPS.has(String(path[i - 1]))) keys.push(s);
  });
  return { indexes, keys };
}

export function unitOf(path: Path): Unit {
  const n = named(path);
  for (let i = n.length - 1; i >= 0; i--) {
    const s = n[i]!;
    if (MULTIPLIERS.has(s)) return s === "bps" && n[i - 1] !== "award" ? "percentBps" : "multiplier";
    if (PERCENT_BPS.has(s)) return "percentBps";
    if (s.endsWith("Cents") && s !== "unitCents") return "money";
    if (s === "unitCents") return "money";
  }
  return "count";
}

const SCALE: Record<Unit, number> = { multiplier: 10_000, percentBps: 100, money: 100, count: 1 };

/** Stored integer → the number the form shows (15 000 bps → 1.5; 1 000 bps → 10; 5 900 cents → 59). */
export function toDisplay(unit: Unit, stored: number): number {
  return stored / SCALE[unit];
}

/**
 * What the admin typed → the stored value: a number (an integer when the input is exact at the unit's
 * precision), null for an empty optional field, or the text itself when it is not a number — the rule
 * schema then reports it on that field, so nothing is silently changed.
 */
export function fromInput(unit: Unit, text: string, nullable: boolean): number | string | null {
  const t = text.trim().replace(/[,，\s]/g, "");
  if (t === "") return nullable ? null : "";
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return text;
  const v = Number(t) * SCALE[unit];
  const r = Math.round(v);
  return Math.abs(v - r) < 1e-6 ? r : v;
}

/** The text an input shows for a stored value. */
export function inputText(unit: Unit, stored: unknown): string {
  if (stored === null || stored === undefined) return "";
  if (typeof stored !== "number") return String(stored);
  return String(Number(toDisplay(unit, stored).toFixed(6)));
}

/** Decimal places the unit allows (more cannot be stored as an integer). */
export const DECIMALS: Record<Unit, number> = { multiplier: 4, percentBps: 2, money: 2, count: 0 };

export function getIn(value: unknown, path: Path): unknown {
  let cur = value;
  for (const s of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}

/** A copy of `value` with `path` set (objects/arrays created as needed); undefined deletes the key. */
export function setIn(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  const base = value !== null && typeof value === "object" ? value : typeof head === "number" ? [] : {};
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(base) ? [...base] : { ...(base as Record<string, unknown>) };
  const child = setIn((base as Record<string | number, unknown>)[head!], rest, next);
  if (child === undefined && !Array.isArray(copy)) delete (copy as Record<string, unknown>)[head!];
  else (copy as Record<string | number, unknown>)[head!] = child;
  return copy;
}

/** A DOM id for a field (error summary links point here). */
export const fieldId = (path: Path) => `rf-${path.map(String).join("-").replace(/[^\w-]/g, "_") || "root"}`;
