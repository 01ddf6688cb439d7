import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/actions/auth";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePage } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mall.gate"))("title") };
}

// Where proxy.ts sends a /mall address whose session cookie does not say "member" (no session, an
// expired one, a staff account): the member layout and this guard redirect to sign-in or answer 403,
// exactly as the mall's own pages did. A member lands here only when the role was added after the
// cookie was issued: signing in again refreshes it.
export default async function MembersOnlyGate() {
  await requirePage("member:use");
  const t = await getTranslations("mall.gate");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <EmptyState title={t("body")}>
        <form action={signOutAction}>
          <Button type="submit" variant="secondary">
            {t("signOut")}
          </Button>
        </form>
      </EmptyState>
    </div>
  );
}
