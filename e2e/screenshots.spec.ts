// Journey: a picture of every main page, as members (phone) and staff (desktop) see it. Full-page
// PNGs go to e2e/artifacts/ (gitignored, kept by CI); a curated few are copied to docs/screenshots/
// for the README.
import { copyFileSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { devices } from "@playwright/test";
import { type DemoRole, expect, preferenceCookies, test } from "./fixtures";

const ARTIFACTS = path.join("e2e", "artifacts");
const DOCS = path.join("docs", "screenshots");

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, userAgent: devices["Pixel 7"].userAgent };
const DESKTOP = { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false };

interface Shot {
  name: string;
  path: string;
  as?: DemoRole;
  locale: "en" | "zh-CN";
  device: "phone" | "desktop";
  theme?: "light" | "dark";
  status?: number;
  /** Copied to docs/screenshots/<name>.png for the README. */
  docs?: boolean;
  /** Text that proves the page rendered what it should before the picture is taken. */
  expectText: string;
}

const SHOTS: Shot[] = [
  { name: "landing-zh", path: "/", locale: "zh-CN", device: "desktop", docs: true, expectText: "让会员爱上攒积分" },
  { name: "sign-in-en", path: "/sign-in", locale: "en", device: "phone", docs: true, expectText: "Welcome back" },
  { name: "sign-up-zh", path: "/sign-up?ref=WANGF8", locale: "zh-CN", device: "phone", expectText: "加入会员计划" },
  { name: "member-home-zh", path: "/", as: "member", locale: "zh-CN", device: "phone", docs: true, expectText: "你好，陈静" },
  { name: "member-home-zh-dark", path: "/", as: "member", locale: "zh-CN", device: "phone", theme: "dark", expectText: "你好，陈静" },
  { name: "account-zh", path: "/account", as: "member", locale: "zh-CN", device: "phone", expectText: "修改密码" },
  { name: "distributor-zh", path: "/distributor", as: "distributor", locale: "zh-CN", device: "desktop", docs: true, expectText: "WANGF8" },
  { name: "distributor-zh-phone", path: "/distributor", as: "distributor", locale: "zh-CN", device: "phone", expectText: "WANGF8" },
  { name: "admin-en", path: "/admin", as: "admin", locale: "en", device: "desktop", docs: true, expectText: "Programme overview" },
  { name: "forbidden-en", path: "/admin", as: "member", locale: "en", device: "desktop", status: 403, docs: true, expectText: "No access" },
  { name: "not-found-zh", path: "/no-such-page", locale: "zh-CN", device: "desktop", status: 404, expectText: "页面不存在" },
];

test.beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
  mkdirSync(DOCS, { recursive: true });
});

for (const shot of SHOTS) {
  test.describe(shot.name, () => {
    test.use({ ...(shot.device === "phone" ? PHONE : DESKTOP), signedInAs: shot.as, colorScheme: "light" });

    test(`screenshot ${shot.name} (${shot.device})`, async ({ page, context, baseURL }) => {
      await context.addCookies(preferenceCookies(baseURL!, { locale: shot.locale, theme: shot.theme ?? "light" }));
      const response = await page.goto(shot.path);
      expect(response?.status()).toBe(shot.status ?? 200);
      await expect(page.getByText(shot.expectText, { exact: false }).first()).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      // Grow the viewport to the whole page first: a full-page capture of a taller page would
      // otherwise paint fixed bars (the phone tab bar) in the middle of the picture.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const { width } = page.viewportSize()!;
      if (height > page.viewportSize()!.height) await page.setViewportSize({ width, height });
      const file = path.join(ARTIFACTS, `${shot.name}.png`);
      await page.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
      expect(statSync(file).size).toBeGreaterThan(5_000);
      if (shot.docs) copyFileSync(file, path.join(DOCS, `${shot.name}.png`));
    });
  });
}
