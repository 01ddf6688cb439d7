// Server side: what every cached catalogue page starts with — its language (from the path segment
// proxy.ts filled in) set for next-intl, and the rules in force (tier names on the cards, campaigns).
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { now } from "@/lib/clock";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { loadRuleset } from "@/lib/rules/load-ruleset";

export type LocaleParams = Promise<{ locale: string }>;

export async function cataloguePage(params: LocaleParams) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  // Each page sets it too: on a client-side navigation the layout is not rendered again.
  setRequestLocale(locale);
  const at = now();
  return { locale: locale as Locale, at, rules: await loadRuleset(at) };
}
