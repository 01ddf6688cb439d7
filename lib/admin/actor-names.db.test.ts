import { describe, expect, test } from "vitest";
import { testAdmin, testMember } from "@/lib/admin-members/testing";
import { actorNames, parseActor } from "./actor-names";

describe("actor strings in history rows", () => {
  test.each([
    ["admin:0b7e6a4c-5f2d-4a8e-9c3b-1d2e3f4a5b6c", { kind: "person", userId: "0b7e6a4c-5f2d-4a8e-9c3b-1d2e3f4a5b6c" }],
    ["user:0B7E6A4C-5F2D-4A8E-9C3B-1D2E3F4A5B6C", { kind: "person", userId: "0b7e6a4c-5f2d-4a8e-9c3b-1d2e3f4a5b6c" }],
    ["admin:ops@shop.test", { kind: "email", email: "ops@shop.test" }],
    ["system:sweep", { kind: "system", job: "sweep" }],
    ["system", { kind: "system", job: null }],
    ["api-key:POS till 3", { kind: "api-key", name: "POS till 3" }],
    ["admin:not-an-id", { kind: "other", raw: "admin:not-an-id" }],
    ["test", { kind: "other", raw: "test" }],
  ])("%s", (raw, parsed) => {
    expect(parseActor(raw)).toEqual(parsed);
  });

  test("names every person the actors mention (by name, else email); nobody else", async () => {
    const admin = await testAdmin("ops@admins.test");
    const named = await testMember({ name: "Wang Lei" });
    const unnamed = await testMember({ email: "quiet@members.test" });
    const names = await actorNames([`admin:${admin.userId}`, `user:${named}`, `user:${unnamed}`, `admin:${admin.userId}`, "system:sweep", "admin:ops@shop.test"]);
    expect(names).toEqual(new Map([[admin.userId, "Admin"], [named, "Wang Lei"], [unnamed, "quiet@members.test"]]));
    expect(await actorNames(["system:sweep"])).toEqual(new Map());
  });
});
