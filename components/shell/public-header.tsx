import Image from "next/image";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { cn } from "@/components/ui/cn";
import { LocaleSwitch, ThemeSwitch } from "./preference-switches";

/** The top bar of pages seen before signing in: brand, language and theme. */
export async function PublicHeader({ className }: { className?: string }) {
  const t = await getTranslations("app");
  const theme = (await cookies()).get("theme")?.value ?? "system";
  return (
    <header className={cn("flex items-center justify-between px-4 py-3", className)}>
      <Link href="/" className="flex items-center gap-2 font-semibold">
        <Image src="/brand/logo.svg" alt="" width={28} height={28} />
        {t("name")}
      </Link>
      <div className="flex gap-1">
        <LocaleSwitch />
        <ThemeSwitch current={theme} />
      </div>
    </header>
  );
}
