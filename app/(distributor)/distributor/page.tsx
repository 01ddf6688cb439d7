import type { Metadata } from "next";
import { eq, sql } from "drizzle-orm";
import { getFormatter, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { distributors, referralPaths } from "@/db/schema";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/guard";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("distributorHome") };
}

// Distributor dashboard: referral code and link, team size by level.
export default async function DistributorHome() {
  const actor = await requirePage("distributor:use");
  const [t, format] = await Promise.all([getTranslations("distributor"), getFormatter()]);
  const [[dist], team] = await Promise.all([
    db.select().from(distributors).where(eq(distributors.memberId, actor.userId)),
    db
      .select({ depth: referralPaths.depth, count: sql<number>`count(*)::int` })
      .from(referralPaths)
      .where(eq(referralPaths.ancestorId, actor.userId))
      .groupBy(referralPaths.depth)
      .orderBy(referralPaths.depth),
  ]);
  const link = dist ? `${env.APP_URL}/r/${dist.code}` : null;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <Card>
        <p className="text-sm text-muted">{t("code")}</p>
        <p className="font-mono text-2xl font-bold tracking-widest" data-testid="referral-code">
          {dist?.code ?? "—"}
        </p>
        {link ? <p className="mt-2 break-all text-sm text-muted">{link}</p> : null}
      </Card>
      <Card>
        <p className="mb-2 text-sm text-muted">{t("team")}</p>
        {team.length === 0 ? (
          <p className="text-sm">{t("noTeam")}</p>
        ) : (
          <ul className="grid grid-cols-3 gap-3">
            {team.map((row) => (
              <li key={row.depth} data-testid={`team-level-${row.depth}`}>
                <p className="text-xs text-muted">{t("level", { level: row.depth })}</p>
                <p className="tabular text-xl font-semibold">{format.number(row.count)}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
