// Admin member search. A query searches ONE field, picked from its shape (or chosen by the admin),
// so every search is a range scan of one index in the order the page is shown — a keyset page costs
// the same on 1M members as on 60:
//   recent (no query) members_created_idx          (created_at desc, id desc)
//   id                members PK / members_external_id_uq   exact member id or the shop's external id
//   email             users_email_prefix_idx        (email collate "C", id)          prefix
//   name              users_name_prefix_idx         (lower(name) collate "C", id)    prefix
//   phone             members_phone_suffix_idx      (reverse(phone) collate "C", id) last digits
//   code              distributors_code_prefix_idx  (code collate "C")               prefix
// Prefix (not substring) matching is deliberate: it is what a B-tree serves without pg_trgm (absent
// on embedded PGlite), and trigrams would not help 2-character Chinese names anyway.
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { distributors, members, pointBalances, users } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/api/pagination";

export const SEARCH_FIELDS = ["auto", "name", "email", "phone", "id", "code"] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export type ResolvedField = Exclude<SearchField, "auto"> | "recent";

export const MEMBER_SEARCH_PAGE = 25;

export const memberSearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  field: z.enum(SEARCH_FIELDS).optional().catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
});
export type MemberSearch = z.output<typeof memberSearchSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which field a query searches, from its shape when the admin left "auto": a UUID is a member id,
 * anything with "@" an email, digits (with the masking "*", spaces, dashes or "+") a phone number,
 * one word mixing letters and digits a distributor code, anything else a name.
 */
export function resolveField(q: string, field: SearchField = "auto"): { field: ResolvedField; term: string } {
  const s = q.trim();
  if (!s) return { field: "recent", term: "" };
  const f = field !== "auto" ? field : UUID.test(s) ? "id" : s.includes("@") ? "email" : /^[\d*+\-\s]{3,}$/.test(s) && /\d/.test(s) ? "phone" : /^(?=.*\d)(?=.*[a-z])[a-z\d]{3,16}$/i.test(s) ? "code" : "name";
  switch (f) {
    case "email":
      return { field: f, term: s.toLowerCase() };
    case "name":
      return { field: f, term: s.toLowerCase() };
    case "phone":
      return { field: f, term: s.replace(/[\s\-+]/g, "") };
    case "code":
      return { field: f, term: s.toUpperCase() };
    default:
      return { field: f, term: s };
  }
}

const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const reverse = (s: string) => [...s].reverse().join("");

const cursorKey = z.object({ k: z.string(), id: z.string() });

export interface MemberSearchRow {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  tierCode: string;
  frozen: boolean;
  code: string | null;
  available: number;
  createdAt: Date;
}

export interface MemberSearchPage {
  field: ResolvedField;
  rows: MemberSearchRow[];
  nextCursor: string | null;
}

/** The page's query (not run): searchMembers runs it; the benchmark EXPLAINs it. */
export function memberSearchQuery(input: MemberSearch, ex: Executor = db) {
  const { field, term } = resolveField(input.q ?? "", input.field);
  const after = input.cursor ? decodeCursor(cursorKey, input.cursor) : null;
  const limit = MEMBER_SEARCH_PAGE;
  // The sort key of each field, exactly the indexed expression (so the index serves the order).
  const keyExpr: Record<ResolvedField, SQL> = {
    recent: sql`${members.createdAt}`,
    id: sql`${members.id}::text`,
    email: sql`(${users.email} collate "C")`,
    name: sql`(lower(${users.name}) collate "C")`,
    phone: sql`(reverse(${members.phone}) collate "C")`,
    code: sql`(${distributors.code} collate "C")`,
  };
  const key = keyExpr[field];
  const where: (SQL | undefined)[] = [];
  switch (field) {
    case "id":
      where.push(UUID.test(term) ? sql`(${members.id} = ${term}::uuid or ${members.externalId} = ${term})` : eq(members.externalId, term));
      break;
    case "email":
    case "name":
    case "code":
      where.push(sql`${key} like ${likePrefix(term)}`);
      break;
    case "phone":
      where.push(sql`${key} like ${likePrefix(reverse(term))}`);
      break;
  }
  if (after) {
    if (field === "recent") where.push(sql`(${members.createdAt}, ${members.id}) < (${after.k}::timestamptz, ${after.id}::uuid)`);
    else if (field === "code") where.push(sql`${key} > ${after.k}`);
    else where.push(sql`(${key}, ${members.id}) > (${after.k}, ${after.id}::uuid)`);
  }
  const base = ex
    .select({
      id: members.id,
      name: users.name,
      email: users.email,
      phone: members.phone,
      tierCode: members.tierCode,
      frozenAt: members.frozenAt,
      code: distributors.code,
      available: pointBalances.available,
      createdAt: members.createdAt,
      sortKey: sql<string>`${key}::text`,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.id))
    .leftJoin(distributors, eq(distributors.memberId, members.id))
    .leftJoin(pointBalances, eq(pointBalances.memberId, members.id))
    .where(and(...where));
  const query = (field === "recent" ? base.orderBy(desc(members.createdAt), desc(members.id)) : field === "code" ? base.orderBy(key) : base.orderBy(key, members.id)).limit(limit + 1);
  return { field, query };
}

export async function searchMembers(input: MemberSearch, ex: Executor = db): Promise<MemberSearchPage> {
  const limit = MEMBER_SEARCH_PAGE;
  const { field, query } = memberSearchQuery(input, ex);
  const rows = await query;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ k: field === "recent" ? last.createdAt.toISOString() : last.sortKey, id: last.id }) : null;
  return {
    field,
    rows: page.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      phone: r.phone,
      tierCode: r.tierCode,
      frozen: r.frozenAt !== null,
      code: r.code,
      available: r.available ?? 0,
      createdAt: r.createdAt,
    })),
    nextCursor,
  };
}
