import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { env } from "@/lib/env";
import { messagesFor } from "./messages";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "./locales";

// No locale in the URL: members share links across languages. The cookie wins, then the browser.
export async function resolveLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: messagesFor(locale), timeZone: env.DEPLOYMENT_TZ };
});
