import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { API_SCOPES } from "@/db/schema";
import { ApiKeyForm } from "@/components/admin/api-key-form";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
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
      <Card>
        <CardTitle className="mb-4">{t("listTitle")}</CardTitle>
        {keys.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-muted">
                <tr>
                  <th className="py-2 pr-3">{t("name")}</th>
                  <th className="py-2 pr-3">{t("prefix")}</th>
                  <th className="py-2 pr-3">{t("scopes")}</th>
                  <th className="py-2 pr-3">{t("created")}</th>
                  <th className="py-2 pr-3">{t("lastUsed")}</th>
                  <th className="py-2">
                    <span className="sr-only">{t("actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.id} className="border-t border-border">
                    <td className="py-2 pr-3 font-medium">{k.name}</td>
                    <td className="py-2 pr-3 font-mono text-xs">{k.prefix}…</td>
                    <td className="py-2 pr-3 font-mono text-xs">{k.scopes.join(" ")}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(k.createdAt, { dateStyle: "medium" })}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{k.lastUsedAt ? format.relativeTime(k.lastUsedAt) : "—"}</td>
                    <td className="py-2 text-right">
                      {k.revokedAt ? (
                        <span className="text-muted">{t("revokedOn", { date: format.dateTime(k.revokedAt, { dateStyle: "medium" }) })}</span>
                      ) : (
                        <form action={revokeApiKeyAction}>
                          <input type="hidden" name="id" value={k.id} />
                          <Button type="submit" variant="danger" aria-label={t("revokeNamed", { name: k.name })}>
                            {t("revoke")}
                          </Button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
