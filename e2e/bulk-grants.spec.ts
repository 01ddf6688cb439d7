// Journey (admin): a bulk grant from a CSV — preview (count, total, unknown lines), grant, watch the
// job's progress to done and the recent-jobs table follow without a reload; submitting the same CSV again shows the first job and grants nobody twice.
// Grants to 高峰 and 朱琳, whom no other journey reads. Axe on the page; screenshot into docs/screenshots/.
import type { Page } from "@playwright/test";
import { EN, expect, expectNoAxeViolations as axe, msg, preferenceCookies, shot, test } from "./fixtures";

const TAG = Date.now().toString(36);
const LABEL = `Survey thanks ${TAG}`;
const CSV = ["member,points,reason", `gao.feng@demo.jifen.dev,15,Survey thanks ${TAG}`, `zhu.lin@demo.jifen.dev,25,Survey thanks ${TAG}`, `nobody-${TAG}@example.com,10,Survey thanks ${TAG}`].join("\n");
const G = (key: string, values?: Record<string, string>) => msg(EN, `adminMembers.grants.${key}`, values);

test.use({ viewport: { width: 1440, height: 900 }, colorScheme: "light", signedInAs: "admin" });
test.describe.configure({ mode: "serial", timeout: 180_000 });
test.beforeEach(async ({ context, baseURL }) => {
  await context.addCookies(preferenceCookies(baseURL!, { locale: "en", theme: "light" }));
});


/** The member's "Available" points on the admin member page. */
async function available(page: Page, email: string): Promise<number> {
  await page.goto(`/admin/members?q=${encodeURIComponent(email)}`);
  await page.getByRole("table").getByRole("link").first().click();
  const text = await page.getByTestId("balance").locator("dd").first().textContent();
  return Number((text ?? "").replace(/[^\d]/g, ""));
}

test("CSV: preview, grant, progress to done; the same CSV again grants nobody twice", async ({ page }) => {
  const before = { gao: await available(page, "gao.feng@demo.jifen.dev"), zhu: await available(page, "zhu.lin@demo.jifen.dev") };

  await page.goto("/admin/members");
  await page.getByRole("link", { name: msg(EN, "adminMembers.search.grants"), exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: G("title") })).toBeVisible();
  await page.mouse.move(0, 0);
  await axe(page, "bulk grants (en)");

  const form = page.getByRole("form", { name: G("csvTitle") });
  await form.locator("#csv-label").fill(LABEL);
  await form.locator("#csv-text").fill(CSV);
  await form.getByRole("button", { name: G("preview"), exact: true }).click();
  const preview = form.getByTestId("grant-preview");
  await expect(preview).toContainText("2 members would get 40 points in total.");
  await expect(preview).toContainText(G("unknownLines", { lines: "4" }));

  await form.getByRole("button", { name: G("run"), exact: true }).click();
  const job = page.getByTestId("grant-job");
  await expect(job.getByTestId("grant-job-status")).toHaveText(G("done", { granted: "2", failed: "1", points: "40" }), { timeout: 30_000 });
  await expect(job.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(job).toContainText(`nobody-${TAG}@example.com`);
  // The recent-jobs table follows without a reload: it was rendered while the job ran, and shows it done now.
  const row = page.locator("tbody tr").filter({ hasText: LABEL });
  await expect(row).toContainText(G("statusDone"));
  await expect(row.getByRole("button", { name: G("resume") })).toHaveCount(0);
  await page.mouse.move(0, 0);
  await axe(page, "bulk grants, job done (en)");
  await shot(page, "admin-bulk-grants-en");

  // The same file again (a double submit, a re-upload): the first job is shown, nothing new is granted.
  await page.reload();
  await form.locator("#csv-label").fill(LABEL);
  await form.locator("#csv-text").fill(CSV);
  await form.getByRole("button", { name: G("run"), exact: true }).click();
  await expect(page.getByTestId("grant-job")).toContainText(G("existing"));
  await expect(page.getByTestId("grant-job-status")).toHaveText(G("done", { granted: "2", failed: "1", points: "40" }));
  await page.reload();
  await expect(page.locator("tbody tr").filter({ hasText: LABEL })).toHaveCount(1);

  expect(await available(page, "gao.feng@demo.jifen.dev")).toBe(before.gao + 15);
  expect(await available(page, "zhu.lin@demo.jifen.dev")).toBe(before.zhu + 25);
});
