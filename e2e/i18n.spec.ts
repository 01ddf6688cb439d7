// Journey: language and theme. The first visit follows the browser's language; the switches change
// every string of the shell (or the colours) at once and are remembered across reloads.
import type { Page } from "@playwright/test";
import { EN, expect, msg as str, NAV, test, ZH } from "./fixtures";

type Messages = typeof EN;
const MEMBER_NAV = NAV.member.map((i) => `nav.${i.label}`);

/** Every string of the signed-in shell wang.fang sees on "/" (desktop), in one language. */
async function expectShellIn(page: Page, m: Messages, lang: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  const header = page.locator("header");
  await expect(header.getByRole("link").first()).toHaveText(str(m, "app.name"));
  const areas = page.getByRole("navigation", { name: str(m, "shell.areas") });
  await expect(areas.getByRole("link")).toHaveText([str(m, "shell.area.member"), str(m, "shell.area.distributor")]);
  const memberNav = page.getByRole("navigation", { name: str(m, "shell.area.member") });
  await expect(memberNav.getByRole("link")).toHaveCount(MEMBER_NAV.length);
  for (const key of MEMBER_NAV) await expect(memberNav.getByRole("link", { name: str(m, key), exact: true }), key).toBeVisible();
  await expect(header.getByRole("button", { name: str(m, "shell.signOut") })).toBeVisible();
  // The switch names the other language, in that language.
  await expect(header.getByRole("button", { name: str(m, "shell.switchLanguage"), exact: true })).toHaveText(lang === "en" ? "中文" : "English");
  const theme = str(m, "shell.theme", { theme: str(m, "shell.themes.system") });
  await expect(header.getByRole("button", { name: theme })).toBeVisible();
  await expect(page.getByRole("link", { name: str(m, "shell.skipToContent") })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(str(m, "home.greeting", { name: "王芳" }));
  await expect(page).toHaveTitle(str(m, "app.name"));
}

/** No shell string of the other language is left in the header or any navigation. */
async function expectNoneOf(page: Page, m: Messages) {
  const shell = (await page.locator("header, nav").allInnerTexts()).join("\n");
  for (const key of ["shell.signOut", "shell.area.member", "shell.area.distributor", ...MEMBER_NAV]) {
    expect(shell, key).not.toContain(str(m, key));
  }
}

test.describe("first visit follows Accept-Language", () => {
  test.describe("en-US browser", () => {
    test.use({ locale: "en-US" });
    test("gets English", async ({ page }) => {
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(str(EN, "landing.title"));
      await expect(page.getByRole("link", { name: str(EN, "landing.join") })).toBeVisible();
      await page.goto("/sign-in");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(str(EN, "auth.signInTitle"));
      await expect(page.getByLabel(str(EN, "auth.password"))).toBeVisible();
    });
  });

  test.describe("zh-CN browser", () => {
    test.use({ locale: "zh-CN" });
    test("gets Chinese", async ({ page }) => {
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(str(ZH, "landing.title"));
      await expect(page.getByRole("link", { name: str(ZH, "landing.join") })).toBeVisible();
      await page.goto("/sign-in");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(str(ZH, "auth.signInTitle"));
      await expect(page.getByLabel(str(ZH, "auth.password"))).toBeVisible();
    });
  });
});

test.describe("language switch", () => {
  test.use({ signedInAs: "distributor", locale: "en-US" });

  test("flips every visible shell string and is remembered across reloads", async ({ page, context }) => {
    await page.goto("/");
    await expectShellIn(page, EN, "en");

    await page.locator("header").getByRole("button", { name: str(EN, "shell.switchLanguage") }).click();
    await expectShellIn(page, ZH, "zh-CN");
    await expectNoneOf(page, EN);
    expect((await context.cookies()).find((c) => c.name === "NEXT_LOCALE")?.value).toBe("zh-CN");

    // Remembered: a reload (and another page) stays in Chinese although the browser asks for English.
    await page.reload();
    await expectShellIn(page, ZH, "zh-CN");
    await page.goto("/distributor");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(str(ZH, "distributor.title"));

    // And back.
    await page.goto("/");
    await page.locator("header").getByRole("button", { name: str(ZH, "shell.switchLanguage") }).click();
    await expectShellIn(page, EN, "en");
    await expectNoneOf(page, ZH);
    await page.reload();
    await expectShellIn(page, EN, "en");
  });
});

test.describe("language switch, signed out", () => {
  test.use({ locale: "en-US" });

  test("works on the sign-in page too", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(str(EN, "auth.signInTitle"));
    await page.getByRole("button", { name: str(EN, "shell.switchLanguage") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(str(ZH, "auth.signInTitle"));
    await expect(page.getByLabel(str(ZH, "auth.email"))).toBeVisible();
    await expect(page.getByRole("button", { name: str(ZH, "auth.signIn"), exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(str(ZH, "auth.signInTitle"));
  });
});

test.describe("theme switch", () => {
  test.use({ signedInAs: "member", locale: "en-US", colorScheme: "light" });

  const bg = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const themeButton = (page: Page, theme: string) =>
    page.locator("header").getByRole("button", { name: str(EN, "shell.theme", { theme: str(EN, `shell.themes.${theme}`) }) });

  test("cycles system → light → dark → system and is remembered across reloads", async ({ page }) => {
    await page.goto("/");
    const html = page.locator("html");
    await expect(html).not.toHaveClass(/\b(light|dark)\b/);
    const systemLightBg = await bg(page);

    await themeButton(page, "system").click();
    await expect(html).toHaveClass(/\blight\b/);
    await expect(themeButton(page, "light")).toBeVisible();
    await page.reload();
    await expect(html).toHaveClass(/\blight\b/);
    expect(await bg(page)).toBe(systemLightBg);

    await themeButton(page, "light").click();
    await expect(html).toHaveClass(/\bdark\b/);
    await expect(html).not.toHaveClass(/\blight\b/);
    await page.reload();
    await expect(html).toHaveClass(/\bdark\b/);
    await expect(themeButton(page, "dark")).toBeVisible();
    // The colours really change (the OS is light, the app is dark).
    expect(await bg(page)).not.toBe(systemLightBg);

    await themeButton(page, "dark").click();
    await expect(html).not.toHaveClass(/\b(light|dark)\b/);
    await page.reload();
    await expect(html).not.toHaveClass(/\b(light|dark)\b/);
    await expect(themeButton(page, "system")).toBeVisible();
    expect(await bg(page)).toBe(systemLightBg);
  });
});
