import { describe, expect, test } from "vitest";
import { resolveField } from "./search-members";

describe("resolveField: one field per query, from its shape", () => {
  test.each([
    ["", "auto", "recent", ""],
    ["  ", "auto", "recent", ""],
    ["0195f3a2-7c1e-7b2a-9d3e-1a2b3c4d5e6f", "auto", "id", "0195f3a2-7c1e-7b2a-9d3e-1a2b3c4d5e6f"],
    ["Chen.Jing@Demo", "auto", "email", "chen.jing@demo"],
    ["6608", "auto", "phone", "6608"],
    ["138 **** 6608", "auto", "phone", "138****6608"],
    ["wangf8", "auto", "code", "WANGF8"],
    ["王芳", "auto", "name", "王芳"],
    ["Admin", "auto", "name", "admin"],
    ["12", "auto", "name", "12"], // too short to be a phone number: a name (finds nothing, harmlessly)
    ["SO-1001", "id", "id", "SO-1001"], // chosen explicitly: the shop's external id, as typed
    ["wang", "code", "code", "WANG"],
  ] as const)("%j (%s) → %s %j", (q, field, expected, term) => {
    expect(resolveField(q, field)).toEqual({ field: expected, term });
  });
});
