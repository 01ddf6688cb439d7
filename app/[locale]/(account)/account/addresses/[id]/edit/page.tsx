import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AddressForm } from "@/components/mall/address-form";
import { MallTabs } from "@/components/mall/mall-tabs";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { MembersOnly } from "@/components/mall/members-only";
import { getAddress } from "@/lib/mall/addresses";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("addresses"))("editTitle") };
}

// Edit one of the member's addresses (anyone else's is a 404).
export default async function EditAddressPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("account:self");
  const { id } = await params;
  if (!z.guid().safeParse(id).success) notFound();
  if (!can(actor.roles, "member:use")) return <MembersOnly />;
  const address = await getAddress(actor.userId, id);
  if (!address) notFound();
  const t = await getTranslations("addresses");
  return (
    <div className="flex flex-col gap-4">
      <MallTabs />
      <PageHeader title={t("editTitle")} />
      <Card>
        <AddressForm addressId={address.id} values={address} cancelHref="/account/addresses" />
      </Card>
    </div>
  );
}
