import { setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { MallMeProvider } from "@/components/mall/personal";
import { AppShell } from "@/components/shell/app-shell";
import { isLocale } from "@/lib/i18n/locales";

// The mall catalogue, rendered once per language and served from Next's cache (ISR) to members
// (proxy.ts and lib/mall/catalogue-routes.ts decide who gets here). Nothing below may read the
// request (cookies, headers, the session): what is personal — the shell's name and areas, points,
// tier price, the member's shelves, the redeem button — is filled in by the browser from
// /api/mall/me. Pages are revalidated when the catalogue changes (lib/mall/catalogue-cache.ts) and
// at most 60 s after anything that changes by itself (stock after redemptions; windows opening and
// closing are also worked out in the browser from their timestamps).
export const dynamic = "force-static";
export const revalidate = 60;
// Nothing is rendered at build time (the pages read the database, which a build does not have):
// each page is rendered on its first request, per language, then served from the cache.
export function generateStaticParams() {
  return [];
}

export default async function CatalogueLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  return (
    <ClientMessages group="catalogue">
      <MallMeProvider>
        <AppShell area="member" actor={null}>
          {children}
        </AppShell>
      </MallMeProvider>
    </ClientMessages>
  );
}
