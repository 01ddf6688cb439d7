import { getTranslations } from "next-intl/server";
import { PublicHeader } from "@/components/shell/public-header";
import { LinkButton } from "@/components/ui/button";

// The public front page: what Jifen is, and the two ways in.
export async function Landing() {
  const t = await getTranslations("landing");
  const points = ["members", "distributors", "merchants"] as const;
  return (
    <div className="flex min-h-dvh flex-col">
      <PublicHeader className="mx-auto w-full max-w-5xl" />
      <main id="main" className="mx-auto flex w-full max-w-5xl flex-1 flex-col gap-10 px-4 pb-16 pt-8">
        <section className="flex flex-col gap-4">
          <h1 className="text-3xl font-bold leading-tight sm:text-5xl">{t("title")}</h1>
          <p className="max-w-2xl text-lg text-muted">{t("subtitle")}</p>
          <div className="flex flex-wrap gap-3">
            <LinkButton href="/sign-up">{t("join")}</LinkButton>
            <LinkButton href="/sign-in" variant="secondary">
              {t("signIn")}
            </LinkButton>
          </div>
        </section>
        <ul className="grid gap-4 sm:grid-cols-3">
          {points.map((p) => (
            <li key={p} className="rounded-2xl border border-border bg-surface p-5">
              <h2 className="mb-1 font-semibold">{t(`${p}.title`)}</h2>
              <p className="text-sm text-muted">{t(`${p}.body`)}</p>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
