import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatMoney } from "@/components/member/money";
import { ActionForm } from "@/components/admin-distribution/action-form";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { becomeDistributorNow, myDistributorStatus } from "@/lib/distribution/become-distributor";
import { applyForDistributorAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("becomeDistributor"))("title") };
}

// Becoming a distributor, as the setting says: apply and see the decision (with the reason of a
// rejection), progress towards the spend threshold, or — everyone is one — become one on this visit.
export default async function BecomeDistributorPage() {
  const actor = await requirePage("account:self");
  const t = await getTranslations("becomeDistributor");
  const format = await getFormatter();
  if (can(actor.roles, "member:use") && !can(actor.roles, "distributor:use")) await becomeDistributorNow(actor.userId);
  const s = await myDistributorStatus(actor.userId);

  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      {s.isDistributor ? (
        <Card>
          <div className="flex flex-col gap-3" data-testid="distributor-status">
            <Alert tone="success">{t("youAre")}</Alert>
            <div>
              <LinkButton href="/distributor">{t("openPortal")}</LinkButton>
            </div>
          </div>
        </Card>
      ) : s.mode === "threshold" ? (
        <Card>
          <CardTitle className="mb-2">{t("thresholdTitle")}</CardTitle>
          <p className="text-sm">{t("thresholdBody", { threshold: formatMoney(format, s.thresholdCents ?? 0), spent: formatMoney(format, s.netSpendCents ?? 0) })}</p>
          <progress className="mt-3 h-2 w-full accent-brand" max={s.thresholdCents ?? 1} value={Math.min(s.netSpendCents ?? 0, s.thresholdCents ?? 0)} aria-label={t("progress")} />
        </Card>
      ) : s.mode === "apply" ? (
        <>
          {s.latest ? (
            <Card>
              <CardTitle className="mb-2">{t("latestTitle")}</CardTitle>
              <div data-testid="application-status" className="flex flex-col gap-2 text-sm">
                <p>
                  {t(`status.${s.latest.status}`)} · {format.dateTime(s.latest.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </p>
                {s.latest.note ? <p className="text-muted">{t("yourNote", { note: s.latest.note })}</p> : null}
                {s.latest.status === "rejected" ? <Alert tone="warn">{t("rejectedBecause", { reason: s.latest.reason ?? "" })}</Alert> : null}
              </div>
            </Card>
          ) : null}
          {s.latest?.status !== "pending" ? (
            <Card>
              <CardTitle className="mb-2">{s.latest ? t("applyAgain") : t("applyTitle")}</CardTitle>
              <p className="mb-3 text-sm text-muted">{t("applyBody")}</p>
              <ActionForm action={applyForDistributorAction} hidden={{}} input={{ id: "apply-note", name: "note", label: t("note"), hint: t("noteHint"), maxLength: 500 }} submit={t("apply")} testId="apply-form" />
            </Card>
          ) : null}
        </>
      ) : (
        <Card>
          <p className="text-sm">{t("notAvailable")}</p>
        </Card>
      )}
    </div>
  );
}
