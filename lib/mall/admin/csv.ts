// Writing CSV for people who open it in a spreadsheet: RFC 4180 quoting, CRLF line ends, a UTF-8
// BOM (so Excel reads Chinese names), and no formulas — a cell a spreadsheet would evaluate
// (=, +, -, @, tab or CR first) is written with a leading apostrophe. Pure.

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
