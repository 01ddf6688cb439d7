import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FunnelChart } from "@/components/referral/funnel-chart";
import { cn } from "@/components/ui/cn";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/guard";
import { FUNNEL_PERIODS, parseFunnelPeriod, referralFunnel } from "@/lib/distribution/referral-funnel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("referral.funnel"))("title") };
}

// The distributor's referral funnel over 7 / 30 / 90 days: link visits → sign-ups → first orders → repeat buyers.
export default async function FunnelPage({ searchParams }: { searchParams: Promise<{ days?: string }> }) {
  const actor = await requirePage("distributor:use");
  const days = parseFunnelPeriod((await searchParams).days);
  const [t, funnel] = await Promise.all([getTranslations("referral.funnel"), referralFunnel(actor.userId, { days })]);
  const empty = funnel.clicks + funnel.signups === 0;
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-muted">{t("intro")}</p>
      </div>
      <nav aria-label={t("period")} className="flex flex-wrap gap-2">
        {FUNNEL_PERIODS.map((p) => (
          <Link
            key={p}
            href={`/distributor/funnel?days=${p}`}
            aria-current={p === days ? "page" : undefined}
            className={cn(
              "inline-flex min-h-11 items-center rounded-full border px-3 text-sm font-medium whitespace-nowrap",
              p === days ? "border-brand bg-brand text-brand-fg" : "border-border bg-surface text-fg",
            )}
          >
            {t("days", { days: p })}
          </Link>
        ))}
      </nav>
      <Card>
        <FunnelChart funnel={funnel} />
        {empty ? <p className="mt-4 text-sm text-muted">{t("empty")}</p> : null}
      </Card>
      <LinkButton href="/distributor/share" variant="secondary" className="self-start">
        {t("shareLink")}
      </LinkButton>
    </div>
  );
}
