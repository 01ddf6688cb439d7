import { and, desc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { newId } from "@/lib/ids";
import { createdAtIdOf, decodeCursor, createdAtIdKey, encodeCursor, olderThan, pageOf, pageQuery } from "./pagination";

describe("keyset pagination", () => {
  test("walks a newest-first list exactly once, ties on createdAt included, nextCursor null at the end", async () => {
    const base = Date.parse("2026-01-01T00:00:00Z");
    // 11 rows, several sharing a timestamp, so the id tiebreak matters.
    const rows = Array.from({ length: 11 }, (_, i) => ({
      id: newId(),
      actorLabel: "t",
      action: "page.test",
      targetType: "x",
      createdAt: new Date(base + Math.floor(i / 3) * 1000),
    }));
    await db.insert(auditLog).values(rows);
    const expected = [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((r) => r.id);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const q = pageQuery.parse({ limit: "4", ...(cursor ? { cursor } : {}) });
      const fetched = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "page.test"), olderThan(auditLog.createdAt, auditLog.id, q.cursor)))
        .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
        .limit(q.limit + 1);
      const page = pageOf(fetched, q.limit, createdAtIdOf);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen).toEqual(expected);
    expect(pages).toBe(3);
  });

  test("query schema: defaults, bounds, opaque cursor round trip", () => {
    expect(pageQuery.parse({})).toEqual({ limit: 50, cursor: undefined });
    expect(pageQuery.safeParse({ limit: "0" }).success).toBe(false);
    expect(pageQuery.safeParse({ limit: "201" }).success).toBe(false);
    expect(pageQuery.safeParse({ limit: "2.5" }).success).toBe(false);
    const key = { createdAt: "2026-01-01T00:00:00.000Z", id: "abc" };
    const c = encodeCursor(key);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(pageQuery.parse({ cursor: c }).cursor).toEqual(key);
    expect(decodeCursor(createdAtIdKey, "!!!")).toBeNull();
    expect(decodeCursor(createdAtIdKey, encodeCursor({ id: 1 }))).toBeNull();
    expect(pageQuery.safeParse({ cursor: "eyJ4IjoxfQ" }).error?.issues[0]?.path).toEqual(["cursor"]);
  });
});
