"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";

const YEAR = 365 * 24 * 3600;

// Anyone (signed in or not) may pick a language and a theme: both are plain cookies.
export async function setLocale(locale: string): Promise<void> {
  const parsed = z.enum(LOCALES).safeParse(locale);
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: "/", maxAge: YEAR, sameSite: "lax" });
}

export async function setTheme(theme: string): Promise<void> {
  const parsed = z.enum(["light", "dark", "system"]).safeParse(theme);
  if (!parsed.success) return;
  (await cookies()).set("theme", parsed.data, { path: "/", maxAge: YEAR, sameSite: "lax" });
}
