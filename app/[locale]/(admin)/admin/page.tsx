import type { Metadata } from "next";
import { sql } from "drizzle-orm";
import { getFormatter, getTranslations } from "next-intl/server";
import { db, rowsOf } from "@/db/client";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("adminHome") };
}

// Admin overview: the programme's size at a glance (estimates from pg statistics would replace
// exact counts at a million members; see issue 6's rollups).
export default async function AdminHome() {
  await requirePage("admin:view");
  const [t, format] = await Promise.all([getTranslations("admin"), getFormatter()]);
  const [row] = rowsOf<{ members: number; distributors: number; orders: number; rewards: number }>(
    await db.execute(sql`
    select (select count(*) from members)::int as members,
           (select count(*) from distributors)::int as distributors,
           (select count(*) from orders)::int as orders,
           (select count(*) from rewards)::int as rewards`),
  );
  const stats = [
    ["members", row?.members ?? 0],
    ["distributors", row?.distributors ?? 0],
    ["orders", row?.orders ?? 0],
    ["rewards", row?.rewards ?? 0],
  ] as const;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {stats.map(([k, v]) => (
          <li key={k}>
            <Card>
              <p className="text-sm text-muted">{t(`stats.${k}`)}</p>
              <p className="tabular text-2xl font-bold" data-testid={`stat-${k}`}>
                {format.number(v)}
              </p>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
