// A rule value as an admin reads it: in the field's unit (×1.5, 10%, ¥59), yes/no, "none" for null.
import { formatUnit } from "./issue-text";
import { unitOf, type Path } from "./paths";

export function showValue(path: Path, value: unknown, locale: string, words: { yes: string; no: string; none: string }): string {
  if (value === undefined) return "";
  if (value === null) return words.none;
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (typeof value === "number") {
    const unit = unitOf(path);
    return unit === "count" ? new Intl.NumberFormat(locale).format(value) : formatUnit(unit, value, locale);
  }
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
