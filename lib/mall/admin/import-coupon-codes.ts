// Filling a coupon pool with the merchant's own codes (pasted, or a CSV file whose first column is
// the code). Each line is reported: imported, a duplicate within the file, already known (in this
// pool or any other: codes are unique everywhere) or invalid. The pool's stock grows by exactly
// the codes inserted, with one stock movement and one audit entry, in one transaction; a file with
// nothing new writes nothing, so importing the same file twice imports it once.
import { parse } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { couponCodes, rewards, stockMovements } from "@/db/schema";
import { audit } from "@/lib/admin/audit";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { MAX_STOCK } from "./adjust-stock";
import { staffLabel, type Staff } from "./staff";
import { assertId } from "./ids";

export const MAX_CODES_PER_IMPORT = 20_000;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{3,63}$/;
const CHUNK = 1_000;

export type CodeLineStatus = "imported" | "duplicate" | "exists" | "invalid";

export interface CodeLine {
  /** 1-based line of the pasted text or file. */
  line: number;
  code: string;
  status: CodeLineStatus;
}

export interface CouponImportReport {
  imported: number;
  duplicates: number;
  existing: number;
  invalid: number;
  stockAfter: number | null;
  /** The lines that were not imported and why, in file order (the first 1,000). */
  problems: CodeLine[];
}

/** The candidate codes of a paste or CSV file, line by line (a "code" header is skipped). Pure. */
export function readCodeLines(text: string): { line: number; code: string; valid: boolean }[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter: [",", "\t", ";"], relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (e) {
    throw new DomainError("invalid-request", `not a readable list of codes: ${(e as Error).message}`, { errors: [{ path: "codes", message: "unreadable" }] });
  }
  const out: { line: number; code: string; valid: boolean }[] = [];
  records.forEach((cells, i) => {
    const code = (cells[0] ?? "").trim();
    if (!code) return;
    if (out.length === 0 && /^(code|codes|coupon|券码|优惠码)$/i.test(code)) return;
    out.push({ line: i + 1, code, valid: CODE.test(code) });
  });
  return out;
}

export async function importCouponCodes(rewardId: string, text: string, staff: Staff): Promise<CouponImportReport> {
  assertId(rewardId, "reward");
  const candidates = readCodeLines(text);
  if (candidates.length === 0) throw new DomainError("invalid-request", "no codes", { errors: [{ path: "codes", message: "empty" }] });
  if (candidates.length > MAX_CODES_PER_IMPORT) {
    throw new DomainError("invalid-request", `at most ${MAX_CODES_PER_IMPORT} codes per import`, { errors: [{ path: "codes", message: "too-many" }], params: { max: MAX_CODES_PER_IMPORT } });
  }

  const lines: CodeLine[] = [];
  const fresh: { line: number; code: string }[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (!c.valid) lines.push({ line: c.line, code: c.code.slice(0, 80), status: "invalid" });
    else if (seen.has(c.code)) lines.push({ line: c.line, code: c.code, status: "duplicate" });
    else {
      seen.add(c.code);
      fresh.push(c);
    }
  }

  return db.transaction(async (tx) => {
    const at = now();
    const [reward] = await tx.select({ type: rewards.type, couponSource: rewards.couponSource, stock: rewards.stock }).from(rewards).where(eq(rewards.id, rewardId)).for("update");
    if (!reward) throw new DomainError("not-found", "no such reward");
    if (reward.type !== "coupon" || reward.couponSource !== "pool") {
      throw new DomainError("conflict", "only a coupon reward with a pool takes imported codes", { errors: [{ path: "codes", message: "not-a-pool" }] });
    }

    const inserted = new Set<string>();
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const rows = await tx
        .insert(couponCodes)
        .values(fresh.slice(i, i + CHUNK).map((c) => ({ id: newId(), rewardId, code: c.code, status: "available" as const, createdAt: at })))
        .onConflictDoNothing({ target: couponCodes.code })
        .returning({ code: couponCodes.code });
      for (const r of rows) inserted.add(r.code);
    }
    for (const c of fresh) lines.push({ line: c.line, code: c.code, status: inserted.has(c.code) ? "imported" : "exists" });
    lines.sort((a, b) => a.line - b.line);

    let stockAfter = reward.stock;
    if (inserted.size > 0) {
      const [row] = await tx
        .update(rewards)
        .set({ stock: sql`coalesce(${rewards.stock}, 0) + ${inserted.size}`, updatedAt: at })
        .where(sql`${rewards.id} = ${rewardId} and coalesce(${rewards.stock}, 0) + ${inserted.size} <= ${MAX_STOCK}`)
        .returning({ stock: rewards.stock });
      if (!row) throw new DomainError("conflict", `stock would exceed ${MAX_STOCK}`, { errors: [{ path: "codes", message: "too-many" }] });
      stockAfter = row.stock;
      await tx.insert(stockMovements).values({ id: newId(), rewardId, delta: inserted.size, stockAfter, reason: `coupon codes imported (${inserted.size})`, actor: staffLabel(staff), createdAt: at });
      await audit(tx, staff, {
        action: "reward.coupon-import",
        targetType: "reward",
        targetId: rewardId,
        before: { stock: reward.stock },
        after: { stock: stockAfter, imported: inserted.size, duplicates: count(lines, "duplicate"), existing: count(lines, "exists"), invalid: count(lines, "invalid") },
      });
    }
    return {
      imported: inserted.size,
      duplicates: count(lines, "duplicate"),
      existing: count(lines, "exists"),
      invalid: count(lines, "invalid"),
      stockAfter,
      problems: lines.filter((l) => l.status !== "imported").slice(0, 1_000),
    };
  });
}

const count = (lines: CodeLine[], status: CodeLineStatus) => lines.filter((l) => l.status === status).length;
