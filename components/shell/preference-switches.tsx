"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useSyncExternalStore, useTransition } from "react";
import { setLocale, setTheme } from "@/app/actions/preferences";
import { themeFromDocument } from "./theme";

export function LocaleSwitch() {
  const locale = useLocale();
  const t = useTranslations("shell");
  const router = useRouter();
  const [pending, start] = useTransition();
  const next = locale === "zh-CN" ? "en" : "zh-CN";
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => start(async () => { await setLocale(next); router.refresh(); })}
      className="min-h-11 min-w-11 rounded-lg px-2 text-sm font-medium hover:bg-surface-2"
      aria-label={t("switchLanguage")}
    >
      {/* The full language name, in that language: it must appear in the accessible name
          ("Switch language to English"), or voice control users cannot say what they see. */}
      <span lang={next}>{next === "en" ? "English" : "中文"}</span>
    </button>
  );
}

const noSubscription = () => () => {};

/** `current` undefined: the page was rendered without the cookie (cached); the browser reads it. */
export function ThemeSwitch({ current }: { current?: string }) {
  const t = useTranslations("shell");
  const router = useRouter();
  const [pending, start] = useTransition();
  const fromBrowser = useSyncExternalStore(noSubscription, themeFromDocument, () => "system");
  const order = ["system", "light", "dark"] as const;
  const chosen = current ?? fromBrowser;
  const now = (order as readonly string[]).includes(chosen) ? chosen : "system";
  const next = order[(order.indexOf(now as (typeof order)[number]) + 1) % order.length]!;
  const icon = now === "dark" ? "☾" : now === "light" ? "☀" : "◐";
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        start(async () => {
          await setTheme(next);
          document.documentElement.classList.remove("light", "dark");
          if (next !== "system") document.documentElement.classList.add(next);
          router.refresh();
        })
      }
      className="min-h-11 min-w-11 rounded-lg px-2 text-lg hover:bg-surface-2"
      aria-label={t("theme", { theme: t(`themes.${now}`) })}
      title={t("theme", { theme: t(`themes.${now}`) })}
    >
      <span aria-hidden>{icon}</span>
    </button>
  );
}
