import type { Metadata } from "next";
import { desc, eq } from "drizzle-orm";
import { getFormatter, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { orders, users } from "@/db/schema";
import { ImportOrdersForm } from "@/components/admin/import-orders-form";
import { RecordOrderForm } from "@/components/admin/record-order-form";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTableCard } from "@/components/ui/data-table";
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
      <DataTableCard
        title={t("latest")}
        rows={latest}
        rowKey={({ o }) => o.id}
        empty={t("empty")}
        align="middle"
        columns={[
          { header: t("externalId"), cell: ({ o }) => o.externalId, className: "font-mono text-xs" },
          { header: t("member"), cell: ({ email }) => email },
          { header: t("placedAt"), cell: ({ o }) => format.dateTime(o.placedAt, { dateStyle: "medium", timeStyle: "short" }), className: "whitespace-nowrap" },
          {
            header: t("paid"),
            numeric: true,
            cell: ({ o }) => (
              <>
                {yuan(o.paidCents)}
                {o.refundedCents > 0 ? <span className="block text-xs text-danger">{t("refunded", { amount: yuan(o.refundedCents) })}</span> : null}
              </>
            ),
          },
          { header: t("points"), numeric: true, cell: ({ o }) => format.number(o.pointsAwarded - o.pointsReversed) },
          { header: t("source"), cell: ({ o }) => t(`sources.${o.source}` as "sources.api") },
        ]}
      />
    </div>
  );
}
