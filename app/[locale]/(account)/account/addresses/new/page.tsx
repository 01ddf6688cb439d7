import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AddressForm } from "@/components/mall/address-form";
import { MallTabs } from "@/components/mall/mall-tabs";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { MembersOnly } from "@/components/mall/members-only";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("addresses"))("newTitle") };
}

/** Same-site paths only (the confirm step of a redemption sends the member here and back). */
const safeNext = (s: string | undefined) => (s && s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/\\") ? s : null);

// A new address; `?next=` is where to go once it is saved (back to the redemption's confirm step).
export default async function NewAddressPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const actor = await requirePage("account:self");
  if (!can(actor.roles, "member:use")) return <MembersOnly />;
  const next = safeNext((await searchParams).next);
  const t = await getTranslations("addresses");
  return (
    <div className="flex flex-col gap-4">
      <MallTabs />
      <PageHeader title={t("newTitle")} intro={next ? t("newIntroRedeem") : undefined} />
      <Card>
        <AddressForm next={next} cancelHref={next ?? "/account/addresses"} />
      </Card>
    </div>
  );
}
