import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** The address book on an account without the member role (staff): nothing to manage, and why. */
export function MembersOnly() {
  const t = useTranslations("addresses");
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} />
      <EmptyState title={t("membersOnly")}>{t("membersOnlyHint")}</EmptyState>
    </div>
  );
}
