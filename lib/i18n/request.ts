import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { env } from "@/lib/env";
import { messagesFor } from "./messages";
import { chooseLocale, isLocale, LOCALE_COOKIE, type Locale } from "./locales";

// No locale in the URL: members share links across languages. The cookie wins, then the browser.
export async function resolveLocale(): Promise<Locale> {
  return chooseLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
}

// Pages set the locale of their path segment (setRequestLocale, the same choice proxy.ts made from
// the same cookie and header), which lets the cached catalogue render without reading the request;
// server actions and route handlers have no segment and read the cookie.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : await resolveLocale();
  return { locale, messages: messagesFor(locale), timeZone: env.DEPLOYMENT_TZ };
});
