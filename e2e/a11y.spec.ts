// Journey: every main page passes axe (WCAG 2.x A/AA) in light and dark, in English and Chinese,
// including the states people meet when something is wrong (form errors, 403, 404).
import type { Page } from "@playwright/test";
import { type DemoRole, expect, expectNoAxeViolations, preferenceCookies, test } from "./fixtures";

interface Target {
  name: string;
  path: string;
  as?: DemoRole;
  status: number;
  /** Brings the page into the state to check (after navigation). */
  prepare?: (page: Page) => Promise<void>;
}

const TARGETS: Target[] = [
  { name: "landing", path: "/", status: 200 },
  { name: "sign-in", path: "/sign-in", status: 200 },
  {
    name: "sign-in with an error",
    path: "/sign-in",
    status: 200,
    prepare: async (page) => {
      // An unknown address: it does not use up a demo account's sign-in attempts.
      await page.locator('input[name="email"]').fill("a11y-nobody@example.com");
      await page.locator('input[name="password"]').fill("wrong-password");
      await page.locator('main button[type="submit"]').click();
      await expect(page.locator("main").getByRole("alert")).toBeVisible();
    },
  },
  { name: "sign-up", path: "/sign-up?ref=WANGF8", status: 200 },
  {
    name: "sign-up with errors",
    path: "/sign-up",
    status: 200,
    prepare: async (page) => {
      await page.locator('input[name="email"]').fill("not-an-email");
      await page.locator('input[name="password"]').fill("short");
      await page.locator('main button[type="submit"]').click();
      await expect(page.locator("#f-password-error")).toBeVisible();
    },
  },
  { name: "member home", path: "/", as: "member", status: 200 },
  { name: "account", path: "/account", as: "member", status: 200 },
  { name: "distributor", path: "/distributor", as: "distributor", status: 200 },
  { name: "admin", path: "/admin", as: "admin", status: 200 },
  { name: "403", path: "/admin", as: "member", status: 403 },
  { name: "404", path: "/no-such-page", status: 404 },
];

const VARIANTS = [
  { theme: "light", locale: "en" },
  { theme: "dark", locale: "en" },
  { theme: "light", locale: "zh-CN" },
  { theme: "dark", locale: "zh-CN" },
] as const;

// One test per page; inside it every theme × language (a soft failure per variant, so one run
// lists all of them). The variants share one browser context: only the cookies change.
for (const target of TARGETS) {
  test.describe(target.name, () => {
    test.use({ signedInAs: target.as });

    test(`${target.name}: no axe violations in light/dark × en/zh-CN`, async ({ page, context, baseURL }) => {
      for (const { theme, locale } of VARIANTS) {
        const label = `${target.name} (${theme}, ${locale})`;
        await test.step(label, async () => {
          await context.addCookies(preferenceCookies(baseURL!, { theme, locale }));
          // The OS scheme is set opposite to the chosen theme: the cookie must win.
          await page.emulateMedia({ colorScheme: theme === "dark" ? "light" : "dark" });
          const response = await page.goto(target.path);
          expect(response?.status(), label).toBe(target.status);
          await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${theme}\\b`));
          await expect(page.locator("html")).toHaveAttribute("lang", locale);
          await target.prepare?.(page);
          await expectNoAxeViolations(page, label, { soft: true });
        });
      }
    });
  });
}
