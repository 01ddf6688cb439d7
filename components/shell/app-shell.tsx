import Image from "next/image";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/actions/auth";
import type { UserActor } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { AreaLinks } from "./area-links";
import { AccountName, MemberAreaLinks } from "./member-shell";
import { AREA_HOME, areasOf, NAV, type Area } from "./nav";
import { NavLink } from "./nav-link";
import { PhoneNav } from "./phone-nav";
import { LocaleSwitch, ThemeSwitch } from "./preference-switches";
import { THEME_COOKIE } from "./theme";

/**
 * The responsive frame of every signed-in page: a top bar (brand, area switch, language, theme,
 * account) and the area's navigation — a sidebar on wide screens, a bottom tab bar on phones (at
 * most four tabs and a "More" sheet for the rest, so labels stay readable at 375 px).
 *
 * `actor` null: a member page rendered once for everyone (the cached mall catalogue). The area's
 * own navigation is the same for every member; the area switch and the account name come from
 * /api/mall/me in the browser, and the theme switch reads its cookie there.
 */
export async function AppShell({ area, actor, children }: { area: Area; actor: UserActor | null; children: ReactNode }) {
  const t = await getTranslations();
  const theme = actor ? ((await cookies()).get(THEME_COOKIE)?.value ?? "system") : undefined;
  const areas = actor ? areasOf(actor.roles) : null;
  const items = NAV[area].filter((i) => (actor ? can(actor.roles, i.permission) : can(["member"], i.permission)));

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
          {areas ? <AreaLinks areas={areas} current={area} variant="wide" /> : <MemberAreaLinks variant="wide" />}
          <div className="ml-auto flex items-center gap-1">
            <LocaleSwitch />
            <ThemeSwitch current={theme} />
            {actor ? (
              <Link href="/account" className="hidden max-w-40 truncate rounded-lg px-2 py-2 text-sm text-muted hover:bg-surface-2 sm:block">
                {actor.name || actor.email}
              </Link>
            ) : (
              <AccountName />
            )}
            <form action={signOutAction}>
              <button type="submit" className="min-h-11 rounded-lg px-2 text-sm hover:bg-surface-2">
                {t("shell.signOut")}
              </button>
            </form>
          </div>
        </div>
        {areas ? <AreaLinks areas={areas} current={area} variant="narrow" /> : <MemberAreaLinks variant="narrow" />}
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
