import type { Metadata } from "next";
import { desc, eq } from "drizzle-orm";
import { getFormatter, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { orders, users } from "@/db/schema";
import { ImportOrdersForm } from "@/components/admin/import-orders-form";
import { RecordOrderForm } from "@/components/admin/record-order-form";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePage } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("orders") };
}

// Orders: the latest ones, recording one by hand, and importing a CSV with a per-row report.
export default async function AdminOrdersPage() {
  await requirePage("admin:orders");
  const [t, format] = await Promise.all([getTranslations("adminOrders"), getFormatter()]);
  const latest = await db
    .select({ o: orders, email: users.email })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.memberId))
    .orderBy(desc(orders.placedAt))
    .limit(30);
  const yuan = (cents: number) => format.number(cents / 100, { style: "currency", currency: "CNY" });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <Card>
        <CardTitle className="mb-4">{t("recordTitle")}</CardTitle>
        <RecordOrderForm />
      </Card>
      <Card>
        <CardTitle className="mb-4">{t("importTitle")}</CardTitle>
        <ImportOrdersForm />
      </Card>
      <Card>
        <CardTitle className="mb-4">{t("latest")}</CardTitle>
        {latest.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-muted">
                <tr>
                  <th className="py-2 pr-3">{t("externalId")}</th>
                  <th className="py-2 pr-3">{t("member")}</th>
                  <th className="py-2 pr-3">{t("placedAt")}</th>
                  <th className="py-2 pr-3 text-right">{t("paid")}</th>
                  <th className="py-2 pr-3 text-right">{t("points")}</th>
                  <th className="py-2">{t("source")}</th>
                </tr>
              </thead>
              <tbody>
                {latest.map(({ o, email }) => (
                  <tr key={o.id} className="border-t border-border">
                    <td className="py-2 pr-3 font-mono text-xs">{o.externalId}</td>
                    <td className="py-2 pr-3">{email}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(o.placedAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                    <td className="tabular py-2 pr-3 text-right">
                      {yuan(o.paidCents)}
                      {o.refundedCents > 0 ? <span className="block text-xs text-danger">{t("refunded", { amount: yuan(o.refundedCents) })}</span> : null}
                    </td>
                    <td className="tabular py-2 pr-3 text-right">{format.number(o.pointsAwarded - o.pointsReversed)}</td>
                    <td className="py-2">{t(`sources.${o.source}` as "sources.api")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
