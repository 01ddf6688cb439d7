import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { RewardForm } from "@/components/admin-mall/reward-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { listTiers } from "@/lib/mall/admin/list-tiers";
import type { RewardFormValues } from "@/lib/mall/admin/reward-form";
import { listCategories } from "@/lib/mall/admin/search-rewards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminMall"))("rewards.new") };
}

const EMPTY: RewardFormValues = {
  sku: "", name: "", nameEn: "", description: "", descriptionEn: "", terms: "", termsEn: "", type: "physical", category: "general",
  pointsPrice: "", stock: "", perMemberLimit: "", tierCodes: [], active: true, flash: false, startsAt: "", endsAt: "",
  imageUrl: "", images: "", couponSource: "pattern", couponPattern: "", couponValidDays: "",
};

// A new reward: every field, an optional picture and the opening stock.
export default async function NewRewardPage() {
  await requirePage("admin:catalogue");
  const locale = await getLocale();
  const [t, tiers, categories] = await Promise.all([getTranslations("adminMall"), listTiers(locale), listCategories()]);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("rewards.new")} intro={t("form.intro")} />
      <Card>
        <RewardForm mode="create" initial={EMPTY} tiers={tiers} categories={categories} maxBytes={env.UPLOAD_MAX_BYTES} timeZone={env.DEPLOYMENT_TZ} />
      </Card>
    </div>
  );
}
