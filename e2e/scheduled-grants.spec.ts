// Journey (member + admin): a member with no birthday (周杰, whom no other journey reads) enters it
// on their account page as today; an admin creates a birthday grant, runs it now from the admin
// page and watches it finish; the member finds "Gift · Birthday gift 🎂" in their history (also under
// its own "Gifts" filter, in both languages), with the grant and run that paid it. Axe on each page
// (the admin page also in Chinese, dark); screenshots into docs/screenshots/.
import type { Browser, Page } from "@playwright/test";
import { EN, expect, expectNoAxeViolationsAtRest, msg, preferenceCookies, shot, signInAs, test, ZH } from "./fixtures";

const MEMBER = "zhou.jie@demo.jifen.dev";
const TAG = Date.now().toString(36);
const GRANT = `Birthday gifts ${TAG}`;
const REASON = "Birthday gift 🎂";
// Today in the deployment's zone (Asia/Shanghai), as the server's runner sees it.
const TODAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
// Born 1990 on today's month and day; Feb 29 is not a date in 1990, so a leap-day run uses 1992.
const BIRTHDAY = TODAY.endsWith("-02-29") ? `1992${TODAY.slice(4)}` : `1990${TODAY.slice(4)}`;

test.use({ viewport: { width: 1440, height: 900 }, colorScheme: "light" });
test.describe.configure({ mode: "serial", timeout: 180_000 });

const S = (key: string, values?: Record<string, string>) => msg(EN, `scheduledGrants.${key}`, values);
const B = (key: string) => msg(EN, `birthday.${key}`);



async function memberPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "en-US", viewport: { width: 430, height: 900 } });
  await context.addCookies(preferenceCookies(baseURL, { locale: "en", theme: "light" }));
  const page = await context.newPage();
  await signInAs(page, MEMBER);
  return page;
}

test("a member enters their birthday once, on the account page", async ({ browser, baseURL }) => {
  const page = await memberPage(browser, baseURL!);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: B("title"), exact: true })).toBeVisible();
  await expectNoAxeViolationsAtRest(page, "account birthday (en)");
  // The birthday is set once: a retry of this serial group finds the one its first attempt saved.
  if (test.info().retry === 0 || (await page.locator("#birthday").count()) > 0) {
    await page.locator("#birthday").fill(BIRTHDAY);
    await page.getByRole("button", { name: B("save"), exact: true }).click();
  }
  // Set once: the page shows it, with no form to change it (also after a reload).
  await expect(page.getByTestId("birthday")).toContainText(B("setOnce"));
  await page.reload();
  await expect(page.getByTestId("birthday")).toContainText(B("setOnce"));
  await expect(page.locator("#birthday")).toHaveCount(0);
  await page.context().close();
});

test.describe("admin", () => {
  test.use({ signedInAs: "admin" });
  test.beforeEach(async ({ context, baseURL }) => {
    await context.addCookies(preferenceCookies(baseURL!, { locale: "en", theme: "light" }));
  });

  test("creates a birthday grant and runs it now; the run reports its result", async ({ page }) => {
    expect((await page.goto("/admin/members"))?.status()).toBe(200);
    await page.getByRole("link", { name: S("link"), exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: S("title") })).toBeVisible();
    await expectNoAxeViolationsAtRest(page, "scheduled grants, empty (en)");

    // Required fields empty: refused field by field, nothing created.
    await page.getByRole("button", { name: S("create"), exact: true }).click();
    await expect(page.getByText(S("errors.name"))).toBeVisible();
    await expect(page.getByText(S("errors.points"))).toBeVisible();

    await page.locator("#sg-name").fill(GRANT);
    await page.getByRole("radio", { name: new RegExp(S("modes.day")) }).check();
    await page.locator("#sg-points").fill("188");
    await page.locator("#sg-tier-gold").fill("388");
    await page.locator("#sg-expiry").fill("90");
    await page.locator("#sg-reason").fill(REASON);
    await page.getByRole("button", { name: S("create"), exact: true }).click();
    await expect(page.getByText(S("saved"))).toBeVisible();

    const row = page.getByTestId("scheduled-grants").locator("tbody tr").filter({ hasText: GRANT });
    await expect(row).toContainText(S("never"));
    await expect(row).toContainText(S("schedule.birthday.day"));

    await row.getByRole("button", { name: S("run.buttonFor", { name: GRANT }) }).click();
    const status = row.getByTestId("run-status");
    // Done: at least 周杰 paid (other demo members born today are paid too), no failures.
    await expect(status).toContainText(/^Done: \d+ members? paid/, { timeout: 30_000 });
    await expect(status).toContainText("0 failed");
    await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    await expect(row.getByTestId("last-run")).toContainText(S("trigger.manual", { who: "admin@demo.jifen.dev" }));
    await expectNoAxeViolationsAtRest(page, "scheduled grants, after a run (en)");
    await shot(page, "admin-scheduled-grants-en");

    // Running it again the same day pays nobody twice.
    const paid = Number(/Done: (\d+)/.exec((await status.textContent()) ?? "")![1]);
    await page.reload();
    await row.getByRole("button", { name: S("run.buttonFor", { name: GRANT }) }).click();
    await expect(row.getByTestId("run-status")).toContainText(/^Done:/, { timeout: 30_000 });
    await page.reload();
    await expect(row.getByTestId("last-run")).toContainText(new RegExp(`${paid} members? paid`));
  });

  test("the page in Chinese, dark, passes axe", async ({ page, context, baseURL }) => {
    await context.addCookies(preferenceCookies(baseURL!, { locale: "zh-CN", theme: "dark" }));
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/admin/members/scheduled-grants");
    await expect(page.getByRole("heading", { level: 1, name: msg(ZH, "scheduledGrants.title") })).toBeVisible();
    await expect(page.getByTestId("scheduled-grants")).toContainText(GRANT);
    await expectNoAxeViolationsAtRest(page, "scheduled grants (zh-CN, dark)");
    await shot(page, "admin-scheduled-grants-zh-dark");
  });
});

test("the member finds the birthday gift in their history, with the grant that paid it", async ({ browser, baseURL }) => {
  const page = await memberPage(browser, baseURL!);
  await page.goto("/history");
  const entry = page.getByTestId("history-entries").locator("li").filter({ hasText: REASON }).first();
  await expect(entry).toBeVisible();
  await expect(entry).toContainText("+188");
  await expect(entry).toContainText(`From the grant “${GRANT}”`);
  await expect(page.getByTestId("history-entries").locator("li").filter({ hasText: REASON })).toHaveCount(1);
  // A gift, not an adjustment: "Gift · Birthday gift 🎂", and its own filter chip.
  await expect(entry).toContainText(`${msg(EN, "member.entry.types.gift")}${REASON}`);
  await page.setViewportSize({ width: 375, height: 812 });
  await expectNoAxeViolationsAtRest(page, "history with a birthday gift (en)");
  await shot(page, "history-birthday-gift-en");

  await page.getByRole("navigation", { name: msg(EN, "member.history.filterLabel") }).getByRole("link", { name: msg(EN, "member.history.filters.gifts"), exact: true }).click();
  await expect(page).toHaveURL(/[?&]filter=gifts\b/);
  // 周杰's only gift is this one; the "Adjusted" filter no longer lists it.
  await expect(page.getByTestId("history-entries").locator("li")).toHaveCount(1);
  await expect(page.getByTestId("history-entries")).toContainText(REASON);
  await page.goto("/history?filter=adjusted");
  await expect(page.getByRole("heading", { level: 1, name: msg(EN, "member.history.title") })).toBeVisible();
  await expect(page.getByText(REASON)).toHaveCount(0);

  // The same in Chinese: "赠送 · Birthday gift 🎂" (the reason is the admin's own words) and the grant that paid it.
  await page.context().addCookies(preferenceCookies(baseURL!, { locale: "zh-CN", theme: "light" }));
  await page.goto("/history?filter=gifts");
  const zh = page.getByTestId("history-entries").locator("li").filter({ hasText: REASON });
  await expect(zh).toContainText(`${msg(ZH, "member.entry.types.gift")}${REASON}`);
  await expect(zh).toContainText(`来自发放计划“${GRANT}”`);
  await expect(page.getByRole("link", { name: msg(ZH, "member.history.filters.gifts"), exact: true })).toHaveAttribute("aria-current", "page");
  await expectNoAxeViolationsAtRest(page, "history, gifts only (zh-CN)");
  await shot(page, "history-gifts-zh");
  await page.context().close();
});
