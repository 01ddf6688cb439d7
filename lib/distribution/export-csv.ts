// The distributor's own data as CSV: commissions, team, payouts. Rows are read in keyset pages
// (one indexed query per 500 rows by default) and streamed as they come, so a long history never sits in
// memory. Spreadsheet-safe cells (lib/mall/admin/csv.ts: quoting, CRLF, no formulas) and a UTF-8
// BOM so Excel reads Chinese. Column titles and status words come from the caller (the reader's
// language); amounts are plain yuan numbers ("32.00") and times local "YYYY-MM-DD HH:mm".
import { and, desc, eq, lt, or } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { commissions, orders, users, withdrawals } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { env } from "@/lib/env";
import { csvCell } from "@/lib/mall/admin/csv";
import { centsToYuan } from "@/lib/money";
import { localParts } from "@/lib/rules/time-zone";
import { commissionStatus } from "./commission-math";
import { maskBuyer } from "./dashboard";
import { teamMembers } from "./team";

export const EXPORT_KINDS = ["commissions", "team", "payouts"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_COLUMNS = {
  commissions: ["createdAt", "order", "buyer", "level", "rate", "base", "amount", "reversed", "net", "status", "availableAt"],
  team: ["level", "member", "joinedAt", "orders", "sales"],
  payouts: ["requestedAt", "amount", "fee", "net", "status", "reference", "paidAt", "reason"],
} as const satisfies Record<ExportKind, readonly string[]>;

type Cell = string | number | null | undefined;
/** The reader's words: column titles by key, and status names ("status.pending"). */
export type Words = (key: string) => string;


export function localTime(at: Date | null | undefined, timeZone: string = env.DEPLOYMENT_TZ): string {
  if (!at) return "";
  const p = localParts(at, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

/** "1000" bps → "10%"; 1250 → "12.5%"; null (mixed rates on one order) → "". */
export function ratePercent(bps: number | null): string {
  return bps === null ? "" : `${bps / 100}%`;
}

export const csvLine = (cells: readonly Cell[]) => `${cells.map(csvCell).join(",")}\r\n`;

async function* commissionRows(distributorId: string, words: Words, ex: Executor, at: Date, pageSize: number): AsyncGenerator<Cell[]> {
  let after: { createdAt: Date; id: string } | null = null;
  do {
    const rows: { c: typeof commissions.$inferSelect; externalId: string; name: string | null; email: string | null }[] = await ex
      .select({ c: commissions, externalId: orders.externalId, name: users.name, email: users.email })
      .from(commissions)
      .innerJoin(orders, eq(orders.id, commissions.orderId))
      .leftJoin(users, eq(users.id, commissions.buyerId))
      .where(and(eq(commissions.distributorId, distributorId), after ? or(lt(commissions.createdAt, after.createdAt), and(eq(commissions.createdAt, after.createdAt), lt(commissions.id, after.id))) : undefined))
      .orderBy(desc(commissions.createdAt), desc(commissions.id))
      .limit(pageSize);
    for (const { c, externalId, name, email } of rows) {
      yield [
        localTime(c.createdAt),
        externalId,
        c.buyerId === distributorId ? words("self") : maskBuyer(name, email),
        c.level,
        ratePercent(c.rateBps),
        centsToYuan(c.baseCents),
        centsToYuan(c.amountCents),
        centsToYuan(c.reversedCents),
        centsToYuan(c.amountCents - c.reversedCents),
        words(`status.${commissionStatus(c, at)}`),
        localTime(c.availableAt),
      ];
    }
    const last = rows.at(-1);
    after = rows.length === pageSize && last ? { createdAt: last.c.createdAt, id: last.c.id } : null;
  } while (after);
}

async function* teamRows(distributorId: string, ex: Executor, pageSize: number): AsyncGenerator<Cell[]> {
  for (const level of [1, 2] as const) {
    let after: string | undefined;
    do {
      const page = await teamMembers(distributorId, level, { limit: pageSize, after, ex });
      for (const m of page.items) yield [level, m.name, localTime(new Date(m.joinedAt)), m.orders, centsToYuan(m.salesCents)];
      after = page.next ?? undefined;
    } while (after);
  }
}

async function* payoutRows(distributorId: string, words: Words, ex: Executor, pageSize: number): AsyncGenerator<Cell[]> {
  let after: { requestedAt: Date; id: string } | null = null;
  do {
    const rows: (typeof withdrawals.$inferSelect)[] = await ex
      .select()
      .from(withdrawals)
      .where(and(eq(withdrawals.distributorId, distributorId), after ? or(lt(withdrawals.requestedAt, after.requestedAt), and(eq(withdrawals.requestedAt, after.requestedAt), lt(withdrawals.id, after.id))) : undefined))
      .orderBy(desc(withdrawals.requestedAt), desc(withdrawals.id))
      .limit(pageSize);
    for (const w of rows) {
      yield [localTime(w.requestedAt), centsToYuan(w.amountCents), centsToYuan(w.feeCents), centsToYuan(w.netCents), words(`payoutStatus.${w.status}`), w.payoutReference ?? "", localTime(w.paidAt), w.reason ?? ""];
    }
    const last = rows.at(-1);
    after = rows.length === pageSize && last ? { requestedAt: last.requestedAt, id: last.id } : null;
  } while (after);
}

/** The CSV text of one export, piece by piece: the BOM and the header first, then the rows as read. */
export async function* exportCsv(kind: ExportKind, distributorId: string, words: Words, { ex = db, at = clockNow(), pageSize = 500 }: { ex?: Executor; at?: Date; pageSize?: number } = {}): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(EXPORT_COLUMNS[kind].map((c) => words(`columns.${kind}.${c}`)))}`;
  const rows = kind === "commissions" ? commissionRows(distributorId, words, ex, at, pageSize) : kind === "team" ? teamRows(distributorId, ex, pageSize) : payoutRows(distributorId, words, ex, pageSize);
  for await (const row of rows) yield csvLine(row);
}

/** The async pieces as a byte stream for a Response body. */
export function streamOf(pieces: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await pieces.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
}
