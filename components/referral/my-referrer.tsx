import { useFormatter, useTranslations } from "next-intl";
import { Card, CardTitle } from "@/components/ui/card";
import type { BindingHistoryItem, MyReferrer } from "@/lib/distribution/binding-history";
import { BindingHistory } from "./binding-history";

/** "My referrer": who the member is bound to, until when, and every change (account page). */
export function MyReferrerCard({ current, history }: { current: MyReferrer; history: BindingHistoryItem[] }) {
  const t = useTranslations("referral.mine");
  const format = useFormatter();
  const r = current.referrer;
  return (
    <Card data-testid="my-referrer">
      <CardTitle>{t("title")}</CardTitle>
      <div className="mt-2 mb-4 text-sm">
        {r && !current.lapsed ? (
          <>
            <p className="text-base font-semibold" data-testid="referrer-name">
              {r.name || r.code}
            </p>
            {r.code ? <p className="text-muted">{t("code", { code: r.code })}</p> : null}
            <p className="text-muted">
              {current.expiresAt ? t("expires", { date: format.dateTime(current.expiresAt, { year: "numeric", month: "short", day: "numeric" }) }) : t("permanent")}
            </p>
          </>
        ) : (
          <p className="text-muted">{r ? t("lapsed") : t("none")}</p>
        )}
      </div>
      <h3 className="mb-1 text-sm font-semibold">{t("history")}</h3>
      <BindingHistory items={history} />
    </Card>
  );
}
