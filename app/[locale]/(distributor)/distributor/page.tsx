import type { Metadata } from "next";
import Link from "next/link";
import { eq } from "drizzle-orm";
import { getFormatter, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { distributors } from "@/db/schema";
import { AttributedOrders } from "@/components/distributor/attributed-orders";
import { EarningsCard } from "@/components/distributor/earnings-card";
import { EarningsTrend } from "@/components/distributor/earnings-trend";
import { ExportLinks } from "@/components/distributor/export-links";
import { LevelCard } from "@/components/distributor/level-card";
import { WalletCard } from "@/components/distributor/wallet-card";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/guard";
import { attributedOrders, dashboardSummary, earningsSeries } from "@/lib/distribution/dashboard";
import { chartRange } from "@/lib/distribution/earnings-summary";
import { levelProgress } from "@/lib/distribution/levels";
import { now } from "@/lib/clock";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("distributorHome") };
}

// Distributor dashboard: earnings, wallet with free-up dates, recent team orders, referral code and
// link, team size by level.
export default async function DistributorHome({ searchParams }: { searchParams: Promise<{ days?: string | string[] }> }) {
  const actor = await requirePage("distributor:use");
  const range = chartRange((await searchParams).days);
  const [t, tw, tp, format] = await Promise.all([getTranslations("distributor"), getTranslations("distribution.wallet"), getTranslations("distributorPortal"), getFormatter()]);
  const at = now();
  const [[dist], summary, recent, series, rules] = await Promise.all([
    db.select().from(distributors).where(eq(distributors.memberId, actor.userId)),
    dashboardSummary(actor.userId, { at }),
    attributedOrders(actor.userId, { limit: 10 }),
    earningsSeries(actor.userId, { days: range, at }),
    loadRuleset(at),
  ]);
  const level = dist ? await levelProgress(actor.userId, dist.levelCode, rules.distribution.definition.levels, { at }) : null;
  // Levels 1 and 2 (what the team page lists; deeper levels are never paid beyond the rule's depth).
  const team = [
    { depth: 1, count: summary.team.level1 },
    { depth: 2, count: summary.team.level2 },
  ].filter((r) => r.count > 0);
  const link = dist ? `${env.APP_URL}/r/${dist.code}` : null;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <EarningsCard earnings={summary.earnings} />
      <EarningsTrend series={series} range={range} />
      {level ? <LevelCard level={level} /> : null}
      <WalletCard wallet={summary.wallet} upcoming={summary.upcoming} />
      <LinkButton href="/distributor/wallet" variant="secondary" className="self-start">
        {tw("open")}
      </LinkButton>
      <AttributedOrders orders={recent.items} />
      <Card>
        <p className="text-sm text-muted">{t("code")}</p>
        <p className="font-mono text-2xl font-bold tracking-widest" data-testid="referral-code">
          {dist?.code ?? "—"}
        </p>
        {link ? <p className="mt-2 break-all text-sm text-muted">{link}</p> : null}
      </Card>
      <Card>
        <div className="mb-2 flex items-center justify-between gap-2">
          <p className="text-sm text-muted">{t("team")}</p>
          <Link href="/distributor/team" className="text-sm font-medium text-brand underline-offset-2 hover:underline" data-testid="team-link">
            {tp("team.open")}
          </Link>
        </div>
        {team.length === 0 ? (
          <p className="text-sm">{t("noTeam")}</p>
        ) : (
          <ul className="grid grid-cols-3 gap-3">
            {team.map((row) => (
              <li key={row.depth} data-testid={`team-level-${row.depth}`}>
                <p className="text-xs text-muted">{t("level", { level: row.depth })}</p>
                <p className="tabular text-xl font-semibold">{format.number(row.count)}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <ExportLinks />
    </div>
  );
}
