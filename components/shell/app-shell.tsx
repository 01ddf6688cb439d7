import Image from "next/image";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/actions/auth";
import type { UserActor } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { AREA_HOME, NAV, type Area } from "./nav";
import { NavLink } from "./nav-link";
import { PhoneNav } from "./phone-nav";
import { LocaleSwitch, ThemeSwitch } from "./preference-switches";

/**
 * The responsive frame of every signed-in page: a top bar (brand, area switch, language, theme,
 * account) and the area's navigation — a sidebar on wide screens, a bottom tab bar on phones (at
 * most four tabs and a "More" sheet for the rest, so labels stay readable at 375 px).
 */
export async function AppShell({ area, actor, children }: { area: Area; actor: UserActor; children: ReactNode }) {
  const t = await getTranslations();
  const theme = (await cookies()).get("theme")?.value ?? "system";
  const areas = (Object.keys(AREA_HOME) as Area[]).filter((a) => can(actor.roles, AREA_HOME[a].permission));
  const items = NAV[area].filter((i) => can(actor.roles, i.permission));

  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2">
        {t("shell.skipToContent")}
      </a>
      <header className="sticky top-0 z-40 border-b border-border bg-surface/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-3 sm:px-6">
          <Link href={AREA_HOME[area].href} className="flex items-center gap-2 font-semibold">
            <Image src="/brand/logo.svg" alt="" width={28} height={28} />
            <span>{t("app.name")}</span>
          </Link>
          {areas.length > 1 ? (
            <nav aria-label={t("shell.areas")} className="ml-2 hidden gap-1 sm:flex">
              {areas.map((a) => (
                <Link
                  key={a}
                  href={AREA_HOME[a].href}
                  aria-current={a === area ? "true" : undefined}
                  className={`rounded-lg px-3 py-2 text-sm ${a === area ? "bg-brand-soft font-medium text-brand" : "text-muted hover:bg-surface-2"}`}
                >
                  {t(`shell.area.${a}`)}
                </Link>
              ))}
            </nav>
          ) : null}
          <div className="ml-auto flex items-center gap-1">
            <LocaleSwitch />
            <ThemeSwitch current={theme} />
            <Link href="/account" className="hidden max-w-40 truncate rounded-lg px-2 py-2 text-sm text-muted hover:bg-surface-2 sm:block">
              {actor.name || actor.email}
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="min-h-11 rounded-lg px-2 text-sm hover:bg-surface-2">
                {t("shell.signOut")}
              </button>
            </form>
          </div>
        </div>
        {areas.length > 1 ? (
          <nav aria-label={t("shell.areas")} className="flex gap-1 overflow-x-auto border-t border-border px-3 py-1 sm:hidden">
            {areas.map((a) => (
              <Link
                key={a}
                href={AREA_HOME[a].href}
                aria-current={a === area ? "true" : undefined}
                className={`shrink-0 rounded-lg px-3 py-2 text-sm ${a === area ? "bg-brand-soft font-medium text-brand" : "text-muted"}`}
              >
                {t(`shell.area.${a}`)}
              </Link>
            ))}
          </nav>
        ) : null}
      </header>

      <div className="mx-auto flex w-full max-w-6xl flex-1 gap-6 px-3 pb-24 pt-4 sm:px-6 md:pb-8">
        <nav aria-label={t(`shell.area.${area}`)} className="hidden w-48 shrink-0 md:block">
          <ul className="sticky top-20 flex flex-col gap-1">
            {items.map((i) => (
              <li key={i.href}>
                <NavLink
                  href={i.href}
                  className="flex min-h-11 items-center gap-3 rounded-lg px-3 text-sm text-muted hover:bg-surface-2"
                  activeClassName="bg-brand-soft font-medium !text-brand"
                >
                  <span aria-hidden>{i.icon}</span>
                  {t(`nav.${i.label}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>

      <PhoneNav
        label={t(`shell.area.${area}`)}
        items={items.map((i) => ({ href: i.href, icon: i.icon, label: t(`nav.${i.label}`), more: i.phoneMore === true }))}
        more={t("shell.more")}
        moreMenu={t("shell.moreMenu")}
      />
    </div>
  );
}
