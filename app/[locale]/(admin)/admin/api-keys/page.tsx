import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { API_SCOPES } from "@/db/schema";
import { ApiKeyForm } from "@/components/admin/api-key-form";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTableCard, RowAction } from "@/components/ui/data-table";
import { listApiKeys } from "@/lib/admin/api-keys";
import { requirePage } from "@/lib/auth/guard";
import { revokeApiKeyAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("apiKeys") };
}

// API keys for the Integration API: create (the secret is shown once), see usage, revoke.
export default async function ApiKeysPage() {
  await requirePage("admin:api-keys");
  const [t, format, keys] = await Promise.all([getTranslations("apiKeys"), getFormatter(), listApiKeys()]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-muted">
        {t("intro")}{" "}
        <a href="/api/v1/openapi.json" className="font-medium text-brand underline">
          openapi.json
        </a>
      </p>
      <Card>
        <CardTitle className="mb-4">{t("createTitle")}</CardTitle>
        <ApiKeyForm scopes={API_SCOPES} />
      </Card>
      <DataTableCard
        title={t("listTitle")}
        rows={keys}
        rowKey={(k) => k.id}
        empty={t("empty")}
        align="middle"
        columns={[
          { header: t("name"), cell: (k) => k.name, className: "font-medium" },
          { header: t("prefix"), cell: (k) => `${k.prefix}…`, className: "font-mono text-xs" },
          { header: t("scopes"), cell: (k) => k.scopes.join(" "), className: "font-mono text-xs" },
          { header: t("created"), cell: (k) => format.dateTime(k.createdAt, { dateStyle: "medium" }), className: "whitespace-nowrap" },
          { header: t("lastUsed"), cell: (k) => (k.lastUsedAt ? format.relativeTime(k.lastUsedAt) : "—"), className: "whitespace-nowrap" },
          {
            header: t("actions"),
            srOnly: true,
            className: "text-right",
            cell: (k) =>
              k.revokedAt ? (
                <span className="text-muted">{t("revokedOn", { date: format.dateTime(k.revokedAt, { dateStyle: "medium" }) })}</span>
              ) : (
                <RowAction action={revokeApiKeyAction} id={k.id} label={t("revoke")} ariaLabel={t("revokeNamed", { name: k.name })} variant="danger" />
              ),
          },
        ]}
      />
    </div>
  );
}
