import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatMoney } from "@/components/member/money";
import type { RiskCase } from "@/db/schema";
import type { RiskPolicy } from "@/lib/distribution/risk";

const num = (v: unknown, fallback: number) => (typeof v === "number" && Number.isFinite(v) ? v : fallback);

/**
 * What a case's signal means, in the reader's language: its title and one sentence with the figures
 * that raised it; `children` (the status badge) follow the title. A case keeps the thresholds in force when it opened (details); older cases fall
 * back to today's policy.
 */
export async function RiskSignalText({ riskCase, policy, children }: { riskCase: RiskCase; policy: RiskPolicy; children?: React.ReactNode }) {
  const [t, format] = await Promise.all([getTranslations("adminDistribution.risk"), getFormatter()]);
  const d = riskCase.details;
  const money = (c: number) => formatMoney(format, c);
  const earned = num(d.amountCents, 0);
  const reversed = num(d.reversedCents, 0);
  const params = {
    days: num(d.days, policy.refundAfterReleaseDays),
    rate: num(d.refundRateBps, policy.refundRateBps) / 100,
    min: num(d.minOrders, policy.refundRateMinOrders),
    window: num(d.windowDays, policy.windowDays),
    orders: num(d.orders, 0),
    earned: money(earned),
    reversed: money(reversed),
    actual: earned > 0 ? Math.round((reversed * 1000) / earned) / 10 : 0,
    count: num(d.count, 0),
    minutes: num(d.minutes, policy.signupBurstMinutes),
    threshold: num(d.threshold, policy.signupBurstCount),
  };
  return (
    <>
      <p className="font-medium">
        <span data-testid="risk-signal">{t(`signals.${riskCase.signal}`, params)}</span> {children}
      </p>
      <p className="text-muted" data-testid="risk-explain">
        {t(`explain.${riskCase.signal}`, params)}
      </p>
    </>
  );
}

/** The thresholds in force, with a way to change them (they are part of the distribution rule). */
export async function RiskPolicyNote({ policy, canEdit }: { policy: RiskPolicy; canEdit: boolean }) {
  const t = await getTranslations("adminDistribution.risk");
  return (
    <p className="text-sm text-muted" data-testid="risk-policy">
      {t("policy", {
        days: policy.refundAfterReleaseDays,
        rate: policy.refundRateBps / 100,
        min: policy.refundRateMinOrders,
        window: policy.windowDays,
        burst: policy.signupBurstCount,
        minutes: policy.signupBurstMinutes,
      })}
      {canEdit ? (
        <>
          {" "}
          <Link href="/admin/rules/distribution" className="font-medium text-brand underline">
            {t("editPolicy")}
          </Link>
        </>
      ) : null}
    </p>
  );
}
