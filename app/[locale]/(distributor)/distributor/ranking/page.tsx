import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { LeaderboardTable, RankSwitches } from "@/components/distributor/leaderboard-table";
import { RankPrivacyForm } from "@/components/distributor/rank-privacy-form";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/guard";
import { leaderboard, RANK_METRICS, RANK_PERIODS, type RankMetric, type RankPeriod } from "@/lib/distribution/leaderboard";
import { getRankPrivacy } from "@/lib/distribution/rank-privacy";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("ranking") };
}

const pick = <T extends string>(allowed: readonly T[], raw: string | string[] | undefined): T => {
  const v = Array.isArray(raw) ? raw[0] : raw;
  return allowed.find((a) => a === v) ?? allowed[0]!;
};

// Weekly / monthly leaderboards by sales or commission (net of refunds), the viewer's own rank,
// and the viewer's choice of how they appear to others.
export default async function RankingPage({ searchParams }: { searchParams: Promise<{ period?: string | string[]; metric?: string | string[] }> }) {
  const actor = await requirePage("distributor:use");
  const sp = await searchParams;
  const period: RankPeriod = pick(RANK_PERIODS, sp.period);
  const metric: RankMetric = pick(RANK_METRICS, sp.metric);
  const [t, format, board, privacy] = await Promise.all([
    getTranslations("distributorPortal.ranking"),
    getFormatter(),
    leaderboard(actor.userId, { period, metric }),
    getRankPrivacy(actor.userId),
  ]);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-muted">{t(`intro.${metric}`)}</p>
      </div>
      <RankSwitches period={period} metric={metric} />
      <Card>
        <CardTitle>{t("since", { date: format.dateTime(new Date(board.since), { month: "short", day: "numeric", weekday: "short" }) })}</CardTitle>
        <p className="mt-1 text-sm" data-testid="my-rank">
          {board.viewer ? t("myRank", { rank: board.viewer.rank }) : t("notRanked")}
        </p>
        <div className="mt-3">
          <LeaderboardTable board={board} metric={metric} />
        </div>
      </Card>
      <Card>
        <CardTitle>{t("privacy.title")}</CardTitle>
        <div className="mt-3">
          <RankPrivacyForm initial={privacy} />
        </div>
      </Card>
    </div>
  );
}
