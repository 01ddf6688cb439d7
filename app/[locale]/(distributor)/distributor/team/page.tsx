import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TeamList, TeamTabs } from "@/components/distributor/team-list";
import { requirePage } from "@/lib/auth/guard";
import { teamCounts } from "@/lib/distribution/dashboard";
import { teamMembers } from "@/lib/distribution/team";
import { teamParams } from "@/lib/distribution/team-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("team") };
}

// The distributor's team by level: head counts, and a page of members (masked) with their orders
// and sales net of refunds. Only the signed-in distributor's own team, whatever the query string says.
export default async function TeamPage({ searchParams }: { searchParams: Promise<{ level?: string | string[]; after?: string | string[] }> }) {
  const actor = await requirePage("distributor:use");
  const { level, after } = teamParams(await searchParams);
  const [t, counts, page] = await Promise.all([getTranslations("distributorPortal.team"), teamCounts(actor.userId), teamMembers(actor.userId, level, { after })]);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-muted">{t("intro")}</p>
      </div>
      <TeamTabs level={level} counts={counts} />
      <TeamList level={level} page={page} firstPage={!after} />
    </div>
  );
}
