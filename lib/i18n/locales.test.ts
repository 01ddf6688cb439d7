import { describe, expect, test } from "vitest";
import { MESSAGE_FILES, messagesFor, namespaceClashes } from "./messages";
import { chooseLocale, negotiateLocale, publicPath } from "./locales";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

const en = messagesFor("en");
const zh = messagesFor("zh-CN");

describe("messages", () => {
  test.each(["en", "zh-CN"] as const)("%s: no two message files define the same namespace", (locale) => {
    expect(namespaceClashes(MESSAGE_FILES[locale])).toEqual([]);
  });
  test("zh-CN and en have exactly the same keys", () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });
  test("no message is empty", () => {
    for (const [name, m] of [["en", en], ["zh-CN", zh]] as const) {
      const empty = keys(m).filter((k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m) === "");
      expect(empty, name).toEqual([]);
    }
  });
});

describe("negotiateLocale", () => {
  test.each([
    [null, "zh-CN"],
    ["", "zh-CN"],
    ["en-US,en;q=0.9", "en"],
    ["zh-TW,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["fr-FR,en;q=0.5", "en"],
    ["fr-FR", "zh-CN"],
    ["en;q=0.3,zh;q=0.8", "zh-CN"],
    ["zh;q=0,en", "en"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe("chooseLocale (proxy.ts and the request config make the same choice)", () => {
  test.each([
    ["en", "zh-CN,zh", "en"],
    ["zh-CN", "en-US", "zh-CN"],
    ["fr", "en-US", "en"], // not one of ours: the browser decides
    [undefined, "en-US", "en"],
    [undefined, null, "zh-CN"],
  ])("cookie %s, Accept-Language %s → %s", (cookie, header, expected) => {
    expect(chooseLocale(cookie, header)).toBe(expected);
  });
});

describe("publicPath: the internal locale segment never shows", () => {
  test.each([
    ["/en/mall", "/mall"],
    ["/zh-CN/mall/r/x", "/mall/r/x"],
    ["/en", "/"],
    ["/zh-CN", "/"],
    ["/mall", "/mall"],
    ["/english/x", "/english/x"],
    ["/", "/"],
  ])("%s → %s", (path, expected) => {
    expect(publicPath(path)).toBe(expected);
  });
});
