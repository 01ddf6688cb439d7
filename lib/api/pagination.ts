import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";

// Keyset pagination (contract: `?limit=` 1–200, default 50, opaque `?cursor=`, `nextCursor` null at
// the end). The cursor is base64url JSON of the last row's sort key: stable under inserts (no
// offsets that shift) and cheap on an index over the sort key. Opaque to clients, so its shape may
// change; a cursor that does not decode to the expected key is a 400 on `cursor`.

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export const limitField = z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT).meta({ description: `Page size, 1–${MAX_LIMIT}` });

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** The decoded key, or null when the cursor is not one we issued for this key shape. */
export function decodeCursor<S extends z.ZodType>(keySchema: S, cursor: string): z.output<S> | null {
  try {
    const parsed = keySchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** `cursor` as a query field that decodes to the sort key (undefined on the first page). */
export function cursorField<S extends z.ZodType>(keySchema: S) {
  return z
    .string()
    .max(1000)
    .optional()
    .transform((cursor, ctx): z.output<S> | undefined => {
      if (cursor === undefined || cursor === "") return undefined;
      const key = decodeCursor(keySchema, cursor);
      if (key === null) {
        ctx.addIssue({ code: "custom", message: "invalid cursor; pass back a nextCursor from a previous page" });
        return z.NEVER;
      }
      return key;
    })
    .meta({ description: "Opaque; the nextCursor of the previous page" });
}

/** `{ limit, cursor }` for a list sorted by `keySchema`; extend it with the list's own filters. */
export function paginationQuery<S extends z.ZodType>(keySchema: S) {
  return z.object({ limit: limitField, cursor: cursorField(keySchema) });
}

/**
 * The usual sort key: newest first by (createdAt, id). createdAt travels as an ISO string with
 * millisecond precision, which is exact for timestamps from lib/clock (JS Dates); a column filled by
 * Postgres's now() (microseconds) would need the key carried as text instead.
 */
export const createdAtIdKey = z.object({ createdAt: z.iso.datetime(), id: z.string().min(1) });
export type CreatedAtIdKey = z.output<typeof createdAtIdKey>;
export const pageQuery = paginationQuery(createdAtIdKey);
export type PageQuery = z.output<typeof pageQuery>;

/** Rows after the cursor in a newest-first (createdAt desc, id desc) list: one row comparison, index-friendly. */
export function olderThan(createdAt: AnyPgColumn, id: AnyPgColumn, cursor: CreatedAtIdKey | undefined): SQL | undefined {
  if (!cursor) return undefined;
  return sql`(${createdAt}, ${id}) < (${cursor.createdAt}::timestamptz, ${cursor.id})`;
}

/**
 * Query `limit + 1` rows; this trims the extra one and turns its presence into `nextCursor`.
 * `keyOf` gives the sort key of a row (e.g. `r => ({ createdAt: r.createdAt.toISOString(), id: r.id })`).
 */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => unknown): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: encodeCursor(keyOf(page[page.length - 1]!)) };
}

export const createdAtIdOf = (row: { createdAt: Date; id: string }): CreatedAtIdKey => ({ createdAt: row.createdAt.toISOString(), id: row.id });
