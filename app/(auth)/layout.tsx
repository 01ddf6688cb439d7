import Image from "next/image";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { LocaleSwitch, ThemeSwitch } from "@/components/shell/preference-switches";

// Sign-in and sign-up: a centred card, phone first, with the language and theme switches.
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("app");
  const theme = (await cookies()).get("theme")?.value ?? "system";
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          <Image src="/brand/logo.svg" alt="" width={28} height={28} />
          {t("name")}
        </Link>
        <div className="flex gap-1">
          <LocaleSwitch />
          <ThemeSwitch current={theme} />
        </div>
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pb-12 pt-6 sm:items-center">
        <div className="w-full max-w-sm rounded-2xl border border-border bg-surface p-6 shadow-sm">{children}</div>
      </main>
    </div>
  );
}
