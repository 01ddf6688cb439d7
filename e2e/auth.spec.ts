// Journey: getting in and out. Sign-up, sign-out, sign-in, failed sign-ins, sign-up validation,
// sign-up through a distributor's referral link, and changing the password.
import type { Page } from "@playwright/test";
import { DEMO, expect, fillSignIn, signInAs, signOut, test, uniqueEmail } from "./fixtures";

const INVALID_SIGN_IN = "That email and password don't match an account.";

async function fillSignUp(page: Page, fields: { name?: string; email?: string; password?: string; referralCode?: string }) {
  const form = page.locator("main form");
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) await form.locator(`input[name="${name}"]`).fill(value);
  }
  await form.locator('button[type="submit"]').click();
}

/** The member area as a signed-in member sees it. */
async function expectMemberHome(page: Page, name: string) {
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${name}`);
  const nav = page.getByRole("navigation", { name: "Member" });
  await expect(nav.getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Account" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Level-1 team size on the distributor dashboard (0 when the level is not listed yet). */
async function levelCount(page: Page, level: number): Promise<number> {
  const item = page.getByRole("listitem").filter({ has: page.getByText(`Level ${level}`, { exact: true }) });
  if ((await item.count()) === 0) return 0;
  return Number((await item.locator("p").last().innerText()).replace(/[^\d]/g, ""));
}

test("a new member signs up, lands on member home, signs out and signs in again", async ({ page }) => {
  const email = uniqueEmail("signup");
  const password = "correct-horse-42";
  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Join the programme");
  await fillSignUp(page, { name: "Test Member", email, password });

  await expectMemberHome(page, "Test Member");
  // A whole number (the programme's rules may give a welcome bonus; e2e does not pin the rules).
  await expect(page.getByTestId("points-available")).toHaveText(/^\d[\d,]*$/);
  // A plain member has one area: no area switch.
  await expect(page.getByRole("navigation", { name: "Areas" })).toHaveCount(0);

  await signOut(page);
  // Signed out for real: the member area is gone and a signed-in page sends us to sign-in.
  await page.goto("/account");
  await expect(page).toHaveURL("/sign-in?next=%2Faccount");

  await signInAs(page, email.toUpperCase(), password, "/account"); // emails are case-insensitive
  await expect(page).toHaveURL("/account");
  await expect(page.getByTestId("roles")).toHaveText("Member");
  await page.goto("/");
  await expectMemberHome(page, "Test Member");
});

test("a wrong password and an unknown email get the same error", async ({ page }) => {
  await page.goto("/sign-in");
  await fillSignIn(page, DEMO.member, "not-the-password-1");
  const alert = page.locator("main").getByRole("alert");
  await expect(alert).toHaveText(INVALID_SIGN_IN);
  const wrongPassword = await alert.innerText();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.locator('input[name="email"]')).toHaveValue(DEMO.member);

  await fillSignIn(page, uniqueEmail("nobody"), "not-the-password-1");
  await expect(alert).toHaveText(INVALID_SIGN_IN);
  expect(await alert.innerText()).toBe(wrongPassword);
  await expect(page).toHaveURL(/\/sign-in/);
  // Still anonymous.
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Join now" })).toBeVisible();
});

test("sign-up shows validation errors beside the fields and creates nothing until they are fixed", async ({ page }) => {
  const email = uniqueEmail("validation");
  await page.goto("/sign-up");
  await fillSignUp(page, { name: "Valid Name", email: "not-an-email", password: "short", referralCode: "??" });

  const field = (name: string) => page.locator(`input[name="${name}"]`);
  const error = (name: string) => page.locator(`#f-${name}-error`);
  await expect(error("email")).toHaveText("Enter a valid email address.");
  await expect(error("password")).toHaveText("Use at least 8 characters.");
  await expect(error("referralCode")).toHaveText("A referral code is 4–12 letters or digits.");
  await expect(error("name")).toHaveCount(0);
  for (const name of ["email", "password", "referralCode"]) {
    await expect(field(name)).toHaveAttribute("aria-invalid", "true");
    await expect(field(name)).toHaveAttribute("aria-describedby", `f-${name}-error`);
  }
  await expect(field("name")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL("/sign-up");
  // What was typed is kept (except the password).
  await expect(field("name")).toHaveValue("Valid Name");
  await expect(field("email")).toHaveValue("not-an-email");

  // Fixing the email leaves only the password error.
  await fillSignUp(page, { email, password: "short", referralCode: "" });
  await expect(error("password")).toHaveText("Use at least 8 characters.");
  await expect(error("email")).toHaveCount(0);
  await expect(error("referralCode")).toHaveCount(0);

  // A well-formed but unknown referral code is refused, and the account is not half-created.
  await fillSignUp(page, { email, password: "long-enough-1", referralCode: "NOPE99" });
  await expect(error("referralCode")).toHaveText("We don't know this referral code. Check it, or leave it empty.");
  await expect(page).toHaveURL("/sign-up");

  // Nothing was created by the failed attempts: the same email now signs up (not "already exists").
  await fillSignUp(page, { email, password: "long-enough-1", referralCode: "" });
  await expectMemberHome(page, "Valid Name");
});

test("signing up through /r/WANGF8 pre-fills the code and joins wang.fang's team", async ({ page, browser, sessionFor, baseURL }) => {
  const upline = await browser.newContext({ baseURL, storageState: await sessionFor("distributor") });
  const dashboard = await upline.newPage();
  await dashboard.goto("/distributor");
  await expect(dashboard.getByTestId("referral-code")).toHaveText("WANGF8");
  const before = await levelCount(dashboard, 1);
  expect(before).toBeGreaterThanOrEqual(1); // zhang.wei, from the demo seed

  await page.goto("/r/WANGF8");
  // The referral link must stay on the site's own origin (it is shared outside the app).
  expect.soft(new URL(page.url()).origin, "/r/<code> redirected to another origin").toBe(new URL(baseURL!).origin);
  if (new URL(page.url()).origin !== new URL(baseURL!).origin) await page.goto(new URL(page.url()).pathname + new URL(page.url()).search);
  await expect(page).toHaveURL("/sign-up?ref=WANGF8");
  await expect(page.locator('input[name="referralCode"]')).toHaveValue("WANGF8");
  // The link also remembers the code in a cookie, so a later visit to plain /sign-up keeps it.
  await page.goto("/sign-up");
  await expect(page.locator('input[name="referralCode"]')).toHaveValue("WANGF8");

  const name = `Referred ${Date.now().toString(36)}`;
  await fillSignUp(page, { name, email: uniqueEmail("referred"), password: "referred-pass-1" });
  await expectMemberHome(page, name);

  await dashboard.reload();
  await expect.poll(() => levelCount(dashboard, 1)).toBe(before + 1);
  await upline.close();
});

test("a member changes their password on /account and signs in with the new one", async ({ page }) => {
  const email = uniqueEmail("password");
  const oldPassword = "old-password-1";
  const newPassword = "new-password-2";
  await page.goto("/sign-up");
  await fillSignUp(page, { name: "Pat Password", email, password: oldPassword });
  await expectMemberHome(page, "Pat Password");

  await page.getByRole("navigation", { name: "Member" }).getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL("/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Account");
  await expect(page.getByTestId("roles")).toHaveText("Member");

  const form = page.locator("main form");
  const submit = form.getByRole("button", { name: "Change password" });
  // Wrong current password: refused, beside the field.
  await page.getByLabel("Current password", { exact: true }).fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat new password", { exact: true }).fill(newPassword);
  await submit.click();
  await expect(page.locator("#f-current-error")).toHaveText("Your current password is not correct.");
  // Mismatched confirmation: refused.
  await page.getByLabel("Current password", { exact: true }).fill(oldPassword);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat new password", { exact: true }).fill(`${newPassword}x`);
  await submit.click();
  await expect(page.locator("#f-confirm-error")).toHaveText("The two passwords don't match.");
  // Right this time.
  await page.getByLabel("Current password", { exact: true }).fill(oldPassword);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat new password", { exact: true }).fill(newPassword);
  await submit.click();
  await expect(page.locator("main").getByRole("status")).toHaveText("Your password has been changed.");

  await signOut(page);
  await fillSignIn(page, email, oldPassword);
  await expect(page.locator("main").getByRole("alert")).toHaveText(INVALID_SIGN_IN);
  await fillSignIn(page, email, newPassword);
  await expectMemberHome(page, "Pat Password");
});

