import { describe, expect, test } from "vitest";
import { freezeClock } from "@/lib/clock";
import { searchMembers } from "./search-members";
import { testMember } from "./testing";

describe("searchMembers", () => {
  test("each field finds by its index; keyset pages never repeat or skip", async () => {
    const clock = freezeClock("2026-03-01T00:00:00Z");
    const wang = await testMember({ name: "王芳", email: "wang.fang@shop.test", phone: "138****6608", code: "WANGF8" });
    clock.advance(1000);
    const zhang = await testMember({ name: "张伟", email: "zhang.wei@shop.test", phone: "139****1307" });
    clock.advance(1000);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      clock.advance(1000);
      ids.push(await testMember({ name: `Alex ${String(i).padStart(2, "0")}`, email: `alex${String(i).padStart(2, "0")}@shop.test` }));
    }

    expect((await searchMembers({ q: "王" })).rows.map((r) => r.id)).toEqual([wang]);
    expect((await searchMembers({ q: "WANG.F" , field: "email" })).rows.map((r) => r.id)).toEqual([wang]);
    expect((await searchMembers({ q: "zhang.wei@" })).rows.map((r) => r.id)).toEqual([zhang]);
    expect((await searchMembers({ q: "1307" })).rows.map((r) => r.id)).toEqual([zhang]);
    expect((await searchMembers({ q: "wangf" , field: "code" })).rows.map((r) => r.id)).toEqual([wang]);
    expect((await searchMembers({ q: "wangf8" })).rows.map((r) => ({ id: r.id, code: r.code }))).toEqual([{ id: wang, code: "WANGF8" }]);
    expect((await searchMembers({ q: zhang })).rows.map((r) => r.id)).toEqual([zhang]);
    // LIKE wildcards are literal characters, not patterns
    expect((await searchMembers({ q: "%", field: "name" })).rows).toEqual([]);

    // "alex" by name: 30 matches, pages of 25 in name order
    const first = await searchMembers({ q: "alex" });
    expect(first.field).toBe("name");
    expect(first.rows).toHaveLength(25);
    const second = await searchMembers({ q: "alex", cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(ids);

    // no query: newest first, across pages
    const recent = await searchMembers({});
    const recent2 = await searchMembers({ cursor: recent.nextCursor! });
    expect([...recent.rows, ...recent2.rows].map((r) => r.id)).toEqual([...ids].reverse().concat([zhang, wang]));
  });
});
