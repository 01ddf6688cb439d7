// Money at the edges: people type and read yuan ("59.90"); the system keeps integer cents.
// No floats: the decimal string is split and combined as integers.

/** "59.9" → 5990; "" → null (blank); anything else (negative, 3 decimals, letters) → NaN. */
export function parseYuanToCents(input: string): number | null {
  const s = input.trim().replace(/^¥/, "").replace(/,/g, "");
  if (s === "") return null;
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** 5990 → "59.90" (no currency sign: formatting with a sign is the UI's formatter's job). */
export function centsToYuan(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
