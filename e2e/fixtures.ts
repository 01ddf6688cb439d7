// Shared pieces for the browser journeys: the demo accounts, signing in through the real form,
// signed-in contexts reused across tests (storageState, one sign-in per role per run), and axe.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContextOptions, type Page } from "@playwright/test";

export { expect };
import type { Role } from "@/db/schema";
import { messagesFor, type Messages } from "@/lib/i18n/messages";

export { NAV } from "@/components/shell/nav";

/** The app's own message files: tests expect exactly what a reader of that language sees. */
export const messages = (locale: "en" | "zh-CN"): Messages => messagesFor(locale);
export const EN = messages("en");
export const ZH = messages("zh-CN");
/** One message by its dotted key, with {placeholders} filled in. */
export function msg(m: Messages, key: string, values: Record<string, string> = {}): string {
  const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], m);
  if (typeof value !== "string") throw new Error(`no message ${key}`);
  return value.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

/** Every demo account has this password (db/seed-demo.ts). */
export const DEMO_PASSWORD = "jifen-demo-2026";

export const DEMO = {
  admin: "admin@demo.jifen.dev",
  /** member + distributor, code WANGF8, top of the demo referral chain. */
  distributor: "wang.fang@demo.jifen.dev",
  /** plain member under LIUY26. */
  member: "chen.jing@demo.jifen.dev",
  /** staff: catalogue and fulfilment only. */
  operator: "operator@demo.jifen.dev",
  /** staff: withdrawals only. */
  finance: "finance@demo.jifen.dev",
  /** a second full admin (approves the first admin's big adjustments). */
  supervisor: "supervisor@demo.jifen.dev",
} as const;
/** The roles each demo account holds (db/seed-demo.ts), for expectations built from the permission table. */
export const DEMO_ROLES: Record<DemoRole, Role[]> = {
  admin: ["admin"],
  distributor: ["member", "distributor"],
  member: ["member"],
  operator: ["operator"],
  finance: ["finance"],
  supervisor: ["admin"],
};
export type DemoRole = keyof typeof DEMO;

/** A unique, valid email for a brand-new account (the e2e database is fresh every run, but a retry is not). */
export function uniqueEmail(tag: string): string {
  return `e2e-${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.com`;
}

/**
 * Signs in through the real form (language-agnostic: fields by name) and waits until the app has
 * left /sign-in. `next` is the path to come back to, as the guard would add it.
 */
export async function signInAs(page: Page, email: string, password: string = DEMO_PASSWORD, next?: string): Promise<void> {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  await fillSignIn(page, email, password);
  await page.waitForURL((url) => url.pathname !== "/sign-in");
}

/** Fills and submits the sign-in form on the current page (no waiting: for failure cases). */
export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  const form = page.locator("main form");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
}

/** Signs out with the shell's button and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.locator("header form button[type=submit]").click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
}

// WCAG 2.0, 2.1 and 2.2, levels A and AA.
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Axe's violations on the page as it is now, one readable line per rule and element. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself; the default mode opens an extra blank page per run to
  // merge frame results (about 1 s each on 2 cores) and we have no cross-origin frames to merge.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).options({ resultTypes: ["violations"] }).setLegacyMode(true).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(" ")}: ${v.help} — ${n.failureSummary?.split("\n").slice(1).join("; ").trim()}`),
  );
}

/** Runs axe (WCAG 2.x A and AA) on the page as it is now; fails with the list of violations. */
export async function expectNoAxeViolations(page: Page, label = page.url(), { soft = false } = {}): Promise<void> {
  // Next streams a page's metadata after its body: right after a router.refresh() the <title> can be
  // missing for a moment (CI once caught it so). A page at rest has one; if it never comes, this fails.
  await expect(page, `${label}: the document has a title`).toHaveTitle(/\S/);
  const violations = await axeViolations(page);
  (soft ? expect.soft : expect)(violations, `axe violations on ${label}`).toEqual([]);
}

/** Axe with the pointer parked in a corner: a hovered control's colours are not what a reader sees at rest. */
export async function expectNoAxeViolationsAtRest(page: Page, label: string): Promise<void> {
  await page.mouse.move(0, 0);
  await expectNoAxeViolations(page, label);
}

/** Where the journeys leave their screenshots (the README links them). */
export const SCREENSHOTS = path.join("docs", "screenshots");

/** A full-page screenshot into docs/screenshots: the viewport grows to the page's height first, so sticky bars are drawn once. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  const { width, height } = page.viewportSize()!;
  const full = await page.evaluate(() => document.documentElement.scrollHeight);
  if (full > height) await page.setViewportSize({ width, height: full });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: "disabled", caret: "hide" });
  await page.setViewportSize({ width, height });
}

/** Cookies the app reads for preferences, for a context's base URL. */
export function preferenceCookies(baseURL: string, prefs: { theme?: "light" | "dark" | "system"; locale?: "en" | "zh-CN" }) {
  const url = new URL(baseURL);
  const cookie = (name: string, value: string) => ({ name, value, domain: url.hostname, path: "/", sameSite: "Lax" as const });
  return [...(prefs.theme ? [cookie("theme", prefs.theme)] : []), ...(prefs.locale ? [cookie("NEXT_LOCALE", prefs.locale)] : [])];
}

type StorageState = Exclude<BrowserContextOptions["storageState"], undefined>;

/**
 * `test.use({ signedInAs: "member" })` gives the test a context already signed in as that demo
 * account. Each account signs in once per run through the real form; later tests reuse the saved
 * session (the sign-in rate limit counts every attempt, so the suite must not sign in per test).
 */
export const test = base.extend<{ signedInAs: DemoRole | undefined }, { sessionFor: (role: DemoRole) => Promise<StorageState> }>({
  signedInAs: [undefined, { option: true }],
  sessionFor: [
    async ({ browser }, provide, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL!;
      // Inside the output folder, which Playwright empties at the start of every run: sessions are
      // shared by the tests of one run (and survive a worker restart after a failure), never reused
      // by the next run against its new server.
      const dir = path.join(workerInfo.project.outputDir, ".auth");
      mkdirSync(dir, { recursive: true });
      await provide(async (role) => {
        const file = path.join(dir, `${role}.json`);
        if (existsSync(file)) return file;
        const context = await browser.newContext({ baseURL, locale: "en-US" });
        const page = await context.newPage();
        await signInAs(page, DEMO[role]);
        await context.storageState({ path: file });
        await context.close();
        return file;
      });
    },
    { scope: "worker" },
  ],
  storageState: async ({ signedInAs, sessionFor, storageState }, provide) => {
    await provide(signedInAs ? await sessionFor(signedInAs) : storageState);
  },
  // Client components get only their route group's messages (lib/i18n/client-messages.ts): a key
  // the browser cannot resolve is logged by next-intl as MISSING_MESSAGE, and fails the test here.
  context: async ({ context }, provide) => {
    const missing: string[] = [];
    context.on("console", (m) => {
      if (m.type() === "error" && m.text().includes("MISSING_MESSAGE")) missing.push(m.text());
    });
    await provide(context);
    expect(missing, "messages the browser could not resolve").toEqual([]);
  },
});
