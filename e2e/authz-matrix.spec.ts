// Journey: the authorisation matrix, generated. Every page found in the source tree × every role
// (anonymous and each demo account) → the page opens, or a signed-in user without the permission
// gets a real 403, or an anonymous visitor is sent to sign in. Expectations come from the one
// permission table, so a new page is covered the moment it exists.
import { request as playwrightRequest } from "@playwright/test";
import { can } from "@/lib/auth/permissions";
import { pages, PUBLIC_PAGES } from "@/lib/auth/testing/app-inventory";
import { DEMO, DEMO_ROLES, expect, test, type DemoRole } from "./fixtures";

/** A value for each dynamic segment: ids that exist nowhere, so allowed users get a 404, never data. */
const sample = (url: string) => url.replace(/\[\.{0,3}(\w+)\]/g, (_, name: string) => (name === "category" ? "drinks" : "00000000-0000-4000-8000-000000000000"));

const ROLES = Object.keys(DEMO) as DemoRole[];
const all = pages();

test("every page × anonymous: public, or sent to sign in", async ({ baseURL }) => {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const wrong: string[] = [];
  for (const p of all) {
    const res = await ctx.get(sample(p.url), { maxRedirects: 0 });
    const location = res.headers()["location"] ?? "";
    const ok = p.url in PUBLIC_PAGES ? res.status() === 200 : res.status() >= 300 && res.status() < 400 && location.includes("/sign-in");
    if (!ok) wrong.push(`${p.url}: ${res.status()} ${location}`);
  }
  await ctx.dispose();
  expect(wrong).toEqual([]);
});

for (const role of ROLES) {
  test(`every page × ${role}: allowed by the permission table, else 403`, async ({ baseURL, sessionFor }) => {
    const ctx = await playwrightRequest.newContext({ baseURL, storageState: await sessionFor(role) });
    const wrong: string[] = [];
    for (const p of all) {
      if (p.url in PUBLIC_PAGES) continue;
      const res = await ctx.get(sample(p.url), { maxRedirects: 0 });
      const allowed = can(DEMO_ROLES[role], p.permission!);
      // Allowed: the page itself answers (200, or 404 for a sample id that does not exist).
      const ok = allowed ? [200, 404].includes(res.status()) : res.status() === 403;
      if (!ok) wrong.push(`${p.url} (${p.permission}): ${res.status()}, expected ${allowed ? "200/404" : "403"}`);
    }
    await ctx.dispose();
    expect(wrong).toEqual([]);
  });
}
