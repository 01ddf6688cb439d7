import { useTranslations } from "next-intl";
import { Card, CardTitle } from "@/components/ui/card";
import { EXPORT_KINDS } from "@/lib/distribution/export-csv";

/** Downloads of the distributor's own commissions, team and payouts (streamed CSV route). */
export function ExportLinks() {
  const t = useTranslations("distributorPortal.export");
  return (
    <Card>
      <CardTitle>{t("title")}</CardTitle>
      <p className="text-sm text-muted">{t("intro")}</p>
      <ul className="mt-3 flex flex-wrap gap-2">
        {EXPORT_KINDS.map((k) => (
          <li key={k}>
            <a href={`/distributor/export/${k}`} download className="inline-flex min-h-11 items-center rounded-lg border border-border bg-surface px-4 text-sm font-medium text-fg hover:bg-surface-2" data-testid={`export-${k}`}>
              {t(`links.${k}`)} <span aria-hidden="true">⤓</span>
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}
