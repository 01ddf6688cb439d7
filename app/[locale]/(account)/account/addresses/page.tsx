import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { setDefaultAddressAction } from "./actions";
import { AddressDelete } from "@/components/mall/address-delete";
import { MallTabs } from "@/components/mall/mall-tabs";
import { Alert } from "@/components/ui/alert";
import { Button, LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { MembersOnly } from "@/components/mall/members-only";
import { listAddresses, MAX_ADDRESSES } from "@/lib/mall/addresses";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("addresses"))("title") };
}

// The member's address book: where physical rewards are shipped. Add, edit, delete, set default.
// An account page (the (account) layout's permission, so the status code is real); only members
// have an address book, and its actions demand member:use.
export default async function AddressesPage({ searchParams }: { searchParams: Promise<{ saved?: string; deleted?: string }> }) {
  const actor = await requirePage("account:self");
  if (!can(actor.roles, "member:use")) return <MembersOnly />;
  const sp = await searchParams;
  const [t, addresses] = await Promise.all([getTranslations("addresses"), listAddresses(actor.userId)]);
  return (
    <div className="flex flex-col gap-4">
      <MallTabs />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PageHeader title={t("title")} intro={t("intro")} />
        {addresses.length < MAX_ADDRESSES ? (
          <LinkButton href="/account/addresses/new" data-testid="new-address">
            {t("add")}
          </LinkButton>
        ) : null}
      </div>
      {sp.saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      {sp.deleted ? <Alert tone="success">{t("deleted")}</Alert> : null}
      {addresses.length === 0 ? (
        <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label={t("listLabel")} data-testid="address-list">
          {addresses.map((a) => {
            const summary = `${a.recipient}, ${a.region} ${a.line}`;
            return (
              <li key={a.id} className="flex flex-col gap-2 rounded-2xl border border-border bg-surface p-4" data-testid="address">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{a.recipient}</span>
                  <span className="text-sm text-muted">{a.phone}</span>
                  {a.isDefault ? <span className="rounded-full bg-brand-soft px-2 py-0.5 text-xs font-semibold text-brand">{t("default")}</span> : null}
                </p>
                <address className="break-words text-sm not-italic leading-6">
                  {a.region} {a.line}
                  {a.postalCode ? ` ${a.postalCode}` : ""}
                </address>
                <div className="mt-1 flex flex-wrap items-center gap-1">
                  <Link href={`/account/addresses/${a.id}/edit`} className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-brand hover:bg-surface-2" aria-label={t("editLabel", { address: summary })}>
                    {t("edit")}
                  </Link>
                  {a.isDefault ? null : (
                    <form action={setDefaultAddressAction}>
                      <input type="hidden" name="addressId" value={a.id} />
                      <Button type="submit" variant="ghost" aria-label={t("makeDefaultLabel", { address: summary })}>
                        {t("makeDefault")}
                      </Button>
                    </form>
                  )}
                  <AddressDelete addressId={a.id} summary={summary} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
