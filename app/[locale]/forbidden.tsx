import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/status-page";

// Rendered by forbidden() from the guard, with HTTP 403.
export default async function Forbidden() {
  const t = await getTranslations("status");
  return <StatusPage code="403" title={t("forbiddenTitle")} body={t("forbiddenBody")} action={<LinkButton href="/">{t("goHome")}</LinkButton>} />;
}
