"use client";

// Backtest: the draft (as edited, unsaved changes included) against the real orders of the last N
// days. The run happens on the server in batches; this polls its progress every second while it runs
// and can cancel it. Results: points before vs after, liability, commission, the members most affected.
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { backtestStatusAction, cancelBacktestAction, startBacktestAction } from "@/app/[locale]/(admin)/admin/rules/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import type { BacktestView } from "@/lib/rules/admin/get-backtest";

export function BacktestPanel({ ruleKey, definition, blocked, initial }: { ruleKey: string; definition: unknown; blocked: boolean; initial: BacktestView | null }) {
  const t = useTranslations("rules.backtest");
  const tAll = useTranslations();
  const format = useFormatter();
  const [days, setDays] = useState("30");
  const [runId, setRunId] = useState<string | null>(initial?.id ?? null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const query = useQuery({
    queryKey: ["backtest", runId],
    queryFn: () => backtestStatusAction(runId!),
    enabled: runId !== null,
    initialData: runId === initial?.id ? (initial ?? undefined) : undefined,
    refetchInterval: (q) => (q.state.data?.status === "running" ? 1000 : false),
    refetchOnWindowFocus: false,
  });
  const run = query.data ?? null;
  const running = run?.status === "running";
  const n = (v: number) => format.number(v);
  const yuan = (cents: number) => format.number(cents / 100, { style: "currency", currency: "CNY", currencyDisplay: "narrowSymbol" });
  const signed = (v: number, show: (x: number) => string) => (v === 0 ? show(0) : `${v > 0 ? "+" : "−"}${show(Math.abs(v))}`);
  const r = run?.results ?? null;

  return (
    <Card aria-labelledby="backtest-title">
      <CardTitle id="backtest-title" className="mb-1">
        {t("title")}
      </CardTitle>
      <p className="mb-4 text-sm text-muted">{t("intro")}</p>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            setFailure(null);
            const res = await startBacktestAction(ruleKey, definition, Number(days));
            if ("runId" in res) setRunId(res.runId);
            else setFailure(tAll(res.failure.error, res.failure.values));
          });
        }}
      >
        <Field id="bt-days" name="days" label={t("days")} type="number" min={1} max={365} value={days} onChange={(e) => setDays(e.target.value)} className="w-40" />
        <Button type="submit" disabled={pending || running || blocked}>
          {t("run")}
        </Button>
        {blocked ? <p className="text-sm text-muted">{t("blocked")}</p> : null}
      </form>
      {failure ? (
        <div className="mt-3">
          <Alert tone="error">{failure}</Alert>
        </div>
      ) : null}

      {run ? (
        <div className="mt-4 flex flex-col gap-3" aria-live="polite" data-testid="backtest">
          <p className="text-sm">
            {t(`status.${run.status}`)} ·{" "}
            {t("window", { days: run.days, from: format.dateTime(new Date(run.fromAt), { dateStyle: "medium" }), to: format.dateTime(new Date(run.toAt), { dateStyle: "medium" }) })}
          </p>
          <div>
            <div
              role="progressbar"
              aria-label={t("progress")}
              aria-valuemin={0}
              aria-valuemax={Math.max(run.total, 1)}
              aria-valuenow={run.processed}
              className="h-2 w-full overflow-hidden rounded-full bg-surface-2"
            >
              <div className="h-full bg-brand transition-all" style={{ width: `${run.total ? Math.min(100, (run.processed / run.total) * 100) : 100}%` }} />
            </div>
            <p className="mt-1 text-sm text-muted" data-testid="backtest-progress">
              {t("processed", { processed: n(run.processed), total: n(run.total) })}
            </p>
          </div>
          {running ? (
            <div>
              <Button type="button" variant="secondary" disabled={run.cancelRequested} onClick={() => runId && cancelBacktestAction(runId).then(() => query.refetch())}>
                {run.cancelRequested ? t("cancelling") : t("cancel")}
              </Button>
            </div>
          ) : null}
          {run.status === "failed" && run.error ? <Alert tone="error">{t("failed", { error: run.error })}</Alert> : null}

          {r ? (
            <>
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm" data-testid="backtest-results">
                  <caption className="sr-only">{t("title")}</caption>
                  <thead className="text-muted">
                    <tr>
                      <th scope="col" className="py-2 pr-3">{t("measure")}</th>
                      <th scope="col" className="py-2 pr-3 text-right">{t("before")}</th>
                      <th scope="col" className="py-2 pr-3 text-right">{t("after")}</th>
                      <th scope="col" className="py-2 text-right">{t("change")}</th>
                    </tr>
                  </thead>
                  <tbody className="tabular">
                    <tr className="border-t border-border">
                      <th scope="row" className="py-2 pr-3 font-normal">{t("points")}</th>
                      <td className="py-2 pr-3 text-right">{n(r.before)}</td>
                      <td className="py-2 pr-3 text-right">{n(r.after)}</td>
                      <td className="py-2 text-right" data-testid="backtest-points-change">{signed(r.after - r.before, n)}</td>
                    </tr>
                    {r.liability ? (
                      <tr className="border-t border-border">
                        <th scope="row" className="py-2 pr-3 font-normal">{t("liability")}</th>
                        <td className="py-2 pr-3 text-right">{yuan(r.liability.beforeCents)}</td>
                        <td className="py-2 pr-3 text-right">{yuan(r.liability.afterCents)}</td>
                        <td className="py-2 text-right">{signed(r.liability.deltaCents, yuan)}</td>
                      </tr>
                    ) : null}
                    <tr className="border-t border-border">
                      <th scope="row" className="py-2 pr-3 font-normal">{t("commission")}</th>
                      <td className="py-2 pr-3 text-right">{yuan(r.commission.before)}</td>
                      <td className="py-2 pr-3 text-right">{yuan(r.commission.after)}</td>
                      <td className="py-2 text-right">{signed(r.commission.after - r.commission.before, yuan)}</td>
                    </tr>
                  </tbody>
                </table>
              </div>
              <p className="text-sm">{t("orders", { orders: n(r.orders), changed: n(r.changedOrders) })}</p>
              {r.mismatches > 0 ? <Alert tone="warn">{t("mismatches", { count: r.mismatches, issued: n(r.issued) })}</Alert> : <p className="text-xs text-muted">{t("matches", { issued: n(r.issued) })}</p>}
              {r.skipped > 0 ? <Alert tone="warn">{t("skipped", { count: r.skipped })}</Alert> : null}
              {r.members ? (
                r.members.length ? (
                  <div className="overflow-x-auto">
                    <table className="w-full text-left text-sm" data-testid="backtest-members">
                      <caption className="mb-1 text-left text-sm font-medium">{t("members", { count: n(r.membersAffected ?? 0) })}</caption>
                      <thead className="text-muted">
                        <tr>
                          <th scope="col" className="py-2 pr-3">{t("member")}</th>
                          <th scope="col" className="py-2 pr-3 text-right">{t("before")}</th>
                          <th scope="col" className="py-2 pr-3 text-right">{t("after")}</th>
                          <th scope="col" className="py-2 text-right">{t("change")}</th>
                        </tr>
                      </thead>
                      <tbody className="tabular">
                        {r.members.map((m) => (
                          <tr key={m.memberId} className="border-t border-border">
                            <th scope="row" className="py-2 pr-3 font-normal">{m.email ?? m.memberId}</th>
                            <td className="py-2 pr-3 text-right">{n(m.before)}</td>
                            <td className="py-2 pr-3 text-right">{n(m.after)}</td>
                            <td className="py-2 text-right">{signed(m.delta, n)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : (
                  <p className="text-sm">{t("noMembers")}</p>
                )
              ) : null}
              <p className="text-xs text-muted">{t("assumptions")}</p>
            </>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
