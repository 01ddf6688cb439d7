import { describe, expect, test } from "vitest";
import { CLIENT_MESSAGES, clientMessagesFor, type RouteGroup } from "./client-messages";
import { messagesFor } from "./messages";
import { namespacesUsedBy, rootEntries } from "./testing/client-namespaces";

const GROUPS = Object.keys(CLIENT_MESSAGES).filter((g): g is RouteGroup => g !== "base");
// A key read as absolute ("lineErrors.x") may belong to a namespaced translator of the same name in
// another component of the file; only real top-level namespaces count.
const NAMESPACES = new Set(Object.keys(messagesFor("en")));
const missing = (used: Map<string, string[]>, sent: readonly string[]) =>
  [...used].filter(([ns]) => NAMESPACES.has(ns) && !sent.includes(ns)).map(([ns, files]) => `${ns} (used by ${files.join(", ")})`);

describe("client messages: every namespace a client component uses reaches the browser", () => {
  test("pages outside the route groups get what they use from base", () => {
    expect(missing(namespacesUsedBy(rootEntries()), CLIENT_MESSAGES.base)).toEqual([]);
  });
  test.each(GROUPS)("app/(%s)", (group) => {
    expect(missing(namespacesUsedBy([`app/[locale]/(${group})`]), [...CLIENT_MESSAGES.base, ...CLIENT_MESSAGES[group]])).toEqual([]);
  });
  test("every listed namespace exists in both languages", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const all = messagesFor(locale);
      for (const list of Object.values(CLIENT_MESSAGES)) for (const ns of list) expect(all, `${locale}: ${ns}`).toHaveProperty([ns]);
    }
  });
  test("a group sends its namespaces and base, and not another group's", () => {
    const sent = Object.keys(clientMessagesFor(messagesFor("en"), "member"));
    expect(sent).toEqual(expect.arrayContaining(["shell", "errors", "mall"]));
    expect(sent).not.toContain("rules");
  });
  test("keys an action builds in a plain module it imports are found (the shared refusal mapper's reasons)", () => {
    const used = namespacesUsedBy(["app/[locale]/(account)/account/distributor"]);
    expect(used.get("adminDistribution")).toEqual(expect.arrayContaining([expect.stringMatching(/^components\/admin-distribution\/action-state\.ts \(imported by /)]));
    // …and the group test above fails when the group does not send it.
    expect(missing(used, CLIENT_MESSAGES.base)).toEqual(expect.arrayContaining([expect.stringMatching(/^adminDistribution /)]));
  });
  test("an audit action name is not read as a message key", async () => {
    const { actionKeyNamespaces } = await import("./testing/client-namespaces");
    expect([...actionKeyNamespaces(`audit(tx, a, { action: "member.tier-override.clear" }); return { done: "adminMembers.tier.set" };`)]).toEqual(["adminMembers"]);
  });
  test("the detector reads both translator styles", async () => {
    const { clientNamespaces } = await import("./testing/client-namespaces");
    const src = `"use client";\nconst t = useTranslations("mall.confirm");\nconst tr = useTranslations();\ntr("adminOrders.x"); tr(\`status.\${s}\`); tr(state.error);`;
    expect([...clientNamespaces(src)].sort()).toEqual(["adminOrders", "mall", "status"]);
  });
});
