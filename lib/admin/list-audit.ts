// Reading the audit log: newest first, filtered, keyset-paginated. There is no write path here or
// anywhere else except lib/admin/audit.ts (append-only by construction).
import { and, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import { createdAtIdKey, decodeCursor, encodeCursor, olderThan } from "@/lib/api/pagination";
import { DAY_MS } from "@/lib/clock";
import { env } from "@/lib/env";
import { parseRuleInstant } from "@/lib/rules";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const day = z.iso.date();

export const auditFilterSchema = z.object({
  actor: z.string().trim().max(200).optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  targetType: z.string().trim().max(60).optional().catch(undefined),
  targetId: z.string().trim().max(200).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  cursor: z.string().max(1000).optional().catch(undefined),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const AUDIT_PAGE = 50;

export async function listAudit(filter: AuditFilter, ex: Executor = db) {
  const where: (SQL | undefined)[] = [];
  if (filter.actor) where.push(ilike(auditLog.actorLabel, `%${escapeLike(filter.actor)}%`));
  if (filter.action) where.push(ilike(auditLog.action, `${escapeLike(filter.action)}%`));
  if (filter.targetType) where.push(eq(auditLog.targetType, filter.targetType));
  if (filter.targetId) where.push(eq(auditLog.targetId, filter.targetId));
  // Dates are calendar days in the deployment's zone, like everything an admin reads.
  if (filter.from) where.push(gte(auditLog.createdAt, parseRuleInstant(`${filter.from}T00:00`, env.DEPLOYMENT_TZ)));
  if (filter.to) where.push(lt(auditLog.createdAt, new Date(parseRuleInstant(`${filter.to}T00:00`, env.DEPLOYMENT_TZ).getTime() + DAY_MS)));
  const cursor = filter.cursor ? (decodeCursor(createdAtIdKey, filter.cursor) ?? undefined) : undefined;
  where.push(olderThan(auditLog.createdAt, auditLog.id, cursor));
  const rows = await ex
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE + 1);
  const page = rows.slice(0, AUDIT_PAGE);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > AUDIT_PAGE && last ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null };
}

/** Distinct target types, for the filter's choices (a small table of kinds, read by index). */
export async function auditTargetTypes(ex: Executor = db): Promise<string[]> {
  const rows = await ex.selectDistinct({ t: auditLog.targetType }).from(auditLog).orderBy(auditLog.targetType);
  return rows.map((r) => r.t);
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The top-level fields that differ between before and after (what the change actually changed). */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : v === null || v === undefined ? {} : { value: v });
  const b = obj(before);
  const a = obj(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => ({ field: k, before: b[k], after: a[k] }));
}

