import { describe, expect, test } from "vitest";
import { mallMeUrl, queryFor } from "./me";

const ID = "0190a5b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b";

describe("what a cached page asks /api/mall/me for", () => {
  test.each([
    ["/mall", { shelves: true }],
    [`/mall/r/${ID}`, { reward: ID }],
    [`/mall/r/${ID.toUpperCase()}`, { reward: ID }],
    ["/mall/c/tea", {}],
    ["/mall/search", {}],
    [`/mall/r/${ID}/confirm`, {}],
    ["/mall/r/not-an-id", {}],
  ])("%s → %o", (path, query) => {
    expect(queryFor(path)).toEqual(query);
  });

  test("the address carries the page's language", () => {
    expect(mallMeUrl("en", { shelves: true })).toBe("/api/mall/me?locale=en&shelves=1");
    expect(mallMeUrl("zh-CN", { reward: ID })).toBe(`/api/mall/me?locale=zh-CN&reward=${ID}`);
    expect(mallMeUrl("en", {})).toBe("/api/mall/me?locale=en");
  });
});
