import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RewardForm } from "@/components/admin-mall/reward-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { getRewardDetail } from "@/lib/mall/admin/get-reward-detail";
import { listTiers } from "@/lib/mall/admin/list-tiers";
import { rewardFormValues } from "@/lib/mall/admin/reward-form";
import { listCategories } from "@/lib/mall/admin/search-rewards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminMall"))("reward.edit") };
}

// Editing a reward's details (its stock moves on the reward page, with a reason).
export default async function EditRewardPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("admin:catalogue");
  const { id } = await params;
  const locale = await getLocale();
  const [t, detail, tiers, categories] = await Promise.all([getTranslations("adminMall"), getRewardDetail(id), listTiers(locale), listCategories()]);
  if (!detail) notFound();
  const { reward } = detail;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("reward.editNamed", { name: reward.name })} intro={t("form.editIntro")} />
      <Card>
        <RewardForm
          mode="edit"
          rewardId={reward.id}
          initial={rewardFormValues(reward, env.DEPLOYMENT_TZ)}
          tiers={tiers}
          categories={categories}
          kindLocked={detail.kindLocked}
          maxBytes={env.UPLOAD_MAX_BYTES}
          timeZone={env.DEPLOYMENT_TZ}
        />
      </Card>
    </div>
  );
}
