import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { formatMoney } from "@/components/member/money";
import { cn } from "@/components/ui/cn";
import type { Leaderboard, RankMetric, RankPeriod, RankRow } from "@/lib/distribution/leaderboard";

/** Period and metric switches: plain links (bookmarkable, no JavaScript needed). */
export function RankSwitches({ period, metric }: { period: RankPeriod; metric: RankMetric }) {
  const t = useTranslations("distributorPortal.ranking");
  const pill = (active: boolean) =>
    cn("inline-flex min-h-11 flex-1 items-center justify-center rounded-lg px-3 text-sm font-medium sm:flex-none", active ? "bg-brand text-brand-fg" : "border border-border bg-surface text-fg hover:bg-surface-2");
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:gap-4">
      <nav aria-label={t("periodLabel")} className="flex gap-2">
        {(["week", "month"] as const).map((p) => (
          <Link key={p} href={`/distributor/ranking?period=${p}&metric=${metric}`} aria-current={p === period ? "page" : undefined} className={pill(p === period)}>
            {t(`period.${p}`)}
          </Link>
        ))}
      </nav>
      <nav aria-label={t("metricLabel")} className="flex gap-2">
        {(["sales", "commission"] as const).map((m) => (
          <Link key={m} href={`/distributor/ranking?period=${period}&metric=${m}`} aria-current={m === metric ? "page" : undefined} className={pill(m === metric)}>
            {t(`metric.${m}`)}
          </Link>
        ))}
      </nav>
    </div>
  );
}

export function LeaderboardTable({ board, metric }: { board: Leaderboard; metric: RankMetric }) {
  const t = useTranslations("distributorPortal.ranking");
  const format = useFormatter();
  const name = (r: RankRow) => (r.isViewer ? t("you", { name: r.name ?? "—" }) : (r.name ?? t("anonymous")));
  const amount = (r: RankRow) => (r.cents === null ? <span className="text-muted">{t("hidden")}</span> : formatMoney(format, r.cents));
  if (board.top.length === 0) return <p className="text-sm text-muted">{t("empty")}</p>;
  const viewerInTop = board.top.some((r) => r.isViewer);
  return (
    <table className="w-full text-left text-sm" data-testid="leaderboard">
      <caption className="sr-only">{t(`caption.${metric}`)}</caption>
      <thead>
        <tr className="text-muted">
          <th scope="col" className="w-12 py-2 font-normal">{t("rank")}</th>
          <th scope="col" className="py-2 font-normal">{t("who")}</th>
          <th scope="col" className="py-2 text-right font-normal">{t(`metric.${metric}`)}</th>
        </tr>
      </thead>
      <tbody>
        {board.top.map((r, i) => (
          <tr key={i} className={cn("border-t border-border", r.isViewer && "bg-brand-soft font-semibold")} data-viewer={r.isViewer || undefined}>
            <td className="tabular py-2">{r.rank}</td>
            <td className="py-2">{name(r)}</td>
            <td className="tabular py-2 text-right">{amount(r)}</td>
          </tr>
        ))}
        {board.viewer && !viewerInTop ? (
          <tr className="border-t-2 border-border bg-brand-soft font-semibold" data-viewer>
            <td className="tabular py-2">{board.viewer.rank}</td>
            <td className="py-2">{name(board.viewer)}</td>
            <td className="tabular py-2 text-right">{amount(board.viewer)}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
