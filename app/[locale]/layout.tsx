import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { cookies } from "next/headers";
import { Providers } from "@/components/providers";
import { THEME_COOKIE, themeScript } from "@/components/shell/theme";
import { clientMessagesFor } from "@/lib/i18n/client-messages";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import "../globals.css";

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

// The reader's language is the first segment of every page's internal path: proxy.ts picks it (the
// cookie, then Accept-Language) and rewrites /mall to /en/mall, so addresses stay language-free
// while a page that reads nothing else about the request (the catalogue, app/[locale]/(catalogue))
// can be rendered once per language and served from the cache. Every other page reads the request
// (this layout reads the theme cookie) and is rendered per request. Any other first segment is not
// ours (404).

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : DEFAULT_LOCALE, namespace: "app" });
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline"), icons: { icon: "/brand/icon.svg" } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#c2410c" };

export default async function RootLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  // A cached page reads no cookies (this is then undefined): the inline script applies the theme
  // before the first paint instead.
  const theme = (await cookies()).get(THEME_COOKIE)?.value;
  const themeClass = theme === "dark" || theme === "light" ? theme : undefined;
  return (
    <html lang={locale} className={themeClass} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="bg-bg font-sans text-fg antialiased">
        <NextIntlClientProvider messages={clientMessagesFor(await getMessages(), null)}>
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
