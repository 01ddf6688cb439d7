// Bulk grants from a CSV: `member,points,reason` per line (member = member id or email; a header
// line is optional). Pure: parsing and per-line problems, no database.

export interface GrantLine {
  rowNo: number;
  memberRef: string;
  points: number;
  reason: string;
}

export interface GrantLineError {
  rowNo: number;
  error: "columns" | "member" | "points" | "reason";
}

export const MAX_GRANT_LINES = 50_000;
export const MAX_GRANT_POINTS = 1_000_000;

/** One CSV line into fields: commas separate, double quotes wrap a field, "" is a quote inside one. */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out.map((f) => f.trim());
}

/** Lines numbered as the admin sees them in the file (1-based, header included); blank lines skipped. */
export function parseGrantCsv(text: string): { lines: GrantLine[]; errors: GrantLineError[] } {
  const lines: GrantLine[] = [];
  const errors: GrantLineError[] = [];
  const raw = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  raw.forEach((line, i) => {
    const rowNo = i + 1;
    if (!line.trim()) return;
    const f = splitCsvLine(line);
    if (i === 0 && /^(member|member_?id|email|会员)/i.test(f[0] ?? "") && !/^\d+$/.test(f[1] ?? "")) return; // header
    if (f.length < 3) return void errors.push({ rowNo, error: "columns" });
    const [memberRef, pointsText, ...reasonParts] = f;
    const reason = reasonParts.join(",").trim();
    const points = /^\d+$/.test(pointsText!) ? Number(pointsText) : NaN;
    if (!memberRef) return void errors.push({ rowNo, error: "member" });
    if (!Number.isSafeInteger(points) || points <= 0 || points > MAX_GRANT_POINTS) return void errors.push({ rowNo, error: "points" });
    if (reason.length < 3 || reason.length > 300) return void errors.push({ rowNo, error: "reason" });
    lines.push({ rowNo, memberRef: memberRef.includes("@") ? memberRef.toLowerCase() : memberRef, points, reason });
  });
  return { lines, errors };
}
