// A ledger entry in the member's words: what it was (the title: "订单 DEMO-00012", "每日签到") and
// why it has these points (the detail: formatExplanation's "120 = 100 base × 1.2 Silver", or a
// sentence for checkout and refund entries). Runs on the server, so the history page's client list
// receives ready-made strings.
import type { getFormatter, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { entryCategory, type EntryCategory } from "@/lib/points/entry-category";
import type { ListedEntry } from "@/lib/points/list-entries";
import { formatExplanation, type Explanation } from "@/lib/rules";
import { localized } from "@/components/mall/view";
import { parseReason } from "./logic";
import { formatMoney } from "./money";

export interface EntryRowData {
  id: string;
  /** What the member sees it as: the ledger type, or "gift" for a grant's credit (lib/points/entry-category.ts). */
  category: EntryCategory;
  /** Signed: + credits, − debits. */
  points: number;
  /** ISO instant. */
  createdAt: string;
  title: string;
  detail: string | null;
  /** Where the member can see more: a redemption's (or its cancellation's) own page with its status. */
  href: string | null;
}

export interface EntryTextContext {
  t: Awaited<ReturnType<typeof getTranslations<"member.entry">>>;
  format: Awaited<ReturnType<typeof getFormatter>>;
  locale: Locale;
  /** Scheduled grants' words ("From the grant “Birthday gifts”, run of 24 Nov 2026"); without it such entries show their reason only. */
  grantT?: Awaited<ReturnType<typeof getTranslations<"scheduledGrants.entry">>>;
}

type Json = Record<string, unknown>;
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function describeEntry(entry: ListedEntry, { t, format, locale, grantT }: EntryTextContext): EntryRowData {
  const money = (cents: number) => formatMoney(format, cents);
  const reason = parseReason(entry.reason);
  const expl = (entry.explanation ?? null) as Json | null;
  const ref = entry.orderExternalId ?? ("ref" in reason ? reason.ref : "");

  let title: string;
  let detail: string | null = null;
  switch (reason.kind) {
    case "order":
      title = t("order", { id: ref });
      break;
    case "checkout":
      title = t("checkout", { id: ref });
      break;
    case "refund":
      title = t("refund", { id: ref });
      break;
    case "event": {
      const label = expl && expl.kind === "event" ? ((expl.label as Record<string, string> | null)?.[locale] ?? null) : null;
      title = label ?? reason.ref;
      break;
    }
    case "expired":
      title = t("expired");
      break;
    case "redemption":
    case "redemption-cancelled": {
      if (!entry.reward) {
        title = t(`types.${entry.type}`);
        break;
      }
      const name = localized(entry.reward.name, entry.reward.nameEn, locale);
      if (reason.kind === "redemption-cancelled") {
        title = t("redemptionCancelled", { name });
        detail = t("redemptionCancelledDetail");
        break;
      }
      title = t("redemption", { name });
      // The price paid, when the title alone does not say it: several units, or the tier's discount.
      const quantity = num(expl?.quantity) ?? 1;
      const unit = num(expl?.unitPoints);
      const list = num(expl?.listPoints);
      const discountBps = num(expl?.discountBps) ?? 0;
      if (unit !== null && list !== null && discountBps > 0) {
        detail = t("redemptionDiscountDetail", { quantity, unit: format.number(unit), list: format.number(list), discount: format.number(discountBps / 10_000, { style: "percent", maximumFractionDigits: 2 }) });
      } else if (unit !== null && quantity > 1) {
        detail = t("redemptionDetail", { quantity, unit: format.number(unit) });
      }
      break;
    }
    case "other":
      title = entry.type === "adjust" && !reason.text ? t("adjust") : reason.text || t(`types.${entry.type}`);
      break;
  }

  if (expl) {
    switch (expl.kind) {
      case "order":
      case "event":
        detail = formatExplanation(expl as unknown as Explanation, locale);
        // "5 = 5 Daily check-in" only repeats the title; a streak bonus or multiplier is worth showing.
        if (detail === `${entry.points} = ${entry.points} ${title}`) detail = null;
        break;
      case "checkout": {
        const cash = num(expl.cashCents);
        if (cash !== null) detail = t("checkoutDetail", { points: format.number(Math.abs(entry.points)), amount: money(cash) });
        break;
      }
      case "scheduled-grant": {
        // Which grant and which run paid it: the run key is a day, a month (monthly grants) or a date.
        const key = typeof expl.runKey === "string" ? expl.runKey : "";
        const when = /^\d{4}-\d{2}-\d{2}$/.test(key) ? format.dateTime(new Date(`${key}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : /^\d{4}-\d{2}$/.test(key) ? format.dateTime(new Date(`${key}-15T12:00:00Z`), { year: "numeric", month: "long", timeZone: "UTC" }) : key;
        if (grantT && typeof expl.grantName === "string") detail = grantT("detail", { name: expl.grantName, run: when });
        break;
      }
      case "refund":
      case "refund-restore": {
        const refunded = num(expl.refundedCents);
        const paid = num(expl.paidCents);
        if (refunded !== null && paid !== null) {
          detail = t(expl.kind === "refund" ? "refundDetail" : "restoreDetail", { refunded: money(refunded), paid: money(paid) });
        }
        break;
      }
    }
  }

  return {
    id: entry.id,
    category: entryCategory(entry),
    points: entry.points,
    createdAt: entry.createdAt.toISOString(),
    title,
    detail,
    href: entry.reward && entry.redemptionId ? `/redemptions/${entry.redemptionId}` : null,
  };
}
