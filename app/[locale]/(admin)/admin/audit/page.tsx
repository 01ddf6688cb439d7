import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button, LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { KeysetPager } from "@/components/ui/list-nav";
import { PageHeader } from "@/components/ui/page-header";
import { auditFilterSchema, auditTargetTypes, changedFields, listAudit } from "@/lib/admin/list-audit";
import { requirePage } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("audit") };
}

const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

// The audit log: every admin action with who, when, what, before and after. Read-only by design.
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin:audit");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  const filter = auditFilterSchema.parse(raw);
  const [t, format, page, types] = await Promise.all([getTranslations("audit"), getFormatter(), listAudit(filter), auditTargetTypes()]);
  const kept = Object.entries(filter).filter((e): e is [string, string] => e[0] !== "cursor" && Boolean(e[1]));
  const olderHref = page.nextCursor ? `?${new URLSearchParams([...kept, ["cursor", page.nextCursor]])}` : null;

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <Card>
        <form method="get" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label={t("filters")}>
          <Field label={t("actor")} name="actor" defaultValue={filter.actor ?? ""} placeholder="admin@…" />
          <Field label={t("action")} name="action" defaultValue={filter.action ?? ""} placeholder="reward." />
          <div className="flex flex-col gap-1">
            <label htmlFor="f-targetType" className="text-sm font-medium">
              {t("targetType")}
            </label>
            <select id="f-targetType" name="targetType" defaultValue={filter.targetType ?? ""} className="min-h-11 rounded-lg border border-border bg-surface px-3 text-base text-fg">
              <option value="">{t("any")}</option>
              {types.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </div>
          <Field label={t("targetId")} name="targetId" defaultValue={filter.targetId ?? ""} />
          <Field label={t("from")} name="from" type="date" defaultValue={filter.from ?? ""} />
          <Field label={t("to")} name="to" type="date" defaultValue={filter.to ?? ""} />
          <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
            <Button type="submit">{t("apply")}</Button>
            <LinkButton href="/admin/audit" variant="secondary">
              {t("clear")}
            </LinkButton>
          </div>
        </form>
      </Card>
      <Card>
        <DataTable
          caption={t("title")}
          rows={page.rows}
          rowKey={(r) => r.id}
          empty={t("empty")}
          footer={<KeysetPager next={olderHref ? { href: olderHref, label: t("older") } : null} />}
          columns={[
            { header: t("when"), cell: (r) => format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "medium" }), className: "whitespace-nowrap" },
            { header: t("actor"), cell: (r) => r.actorLabel },
            { header: t("action"), cell: (r) => r.action, className: "font-mono text-xs" },
            {
              header: t("target"),
              cell: (r) => (
                <>
                  <span className="text-muted">{r.targetType}</span>
                  {r.targetId ? (
                    <span className="block max-w-48 truncate font-mono text-xs" title={r.targetId}>
                      {r.targetId}
                    </span>
                  ) : null}
                </>
              ),
            },
            { header: t("changes"), cell: (r) => <Changes before={r.before} after={r.after} t={t} /> },
          ]}
        />
      </Card>
    </div>
  );
}

/** An entry's changed fields, folded: field, before (red), after (green). */
function Changes({ before, after, t }: { before: unknown; after: unknown; t: Awaited<ReturnType<typeof getTranslations<"audit">>> }) {
  const changes = changedFields(before, after);
  if (changes.length === 0) return <span className="text-muted">—</span>;
  return (
    <details>
      <summary className="cursor-pointer">{t("fieldsChanged", { count: changes.length })}</summary>
      <table className="mt-2 text-xs">
        <thead className="text-muted">
          <tr>
            <th className="pr-2">{t("field")}</th>
            <th className="pr-2">{t("before")}</th>
            <th>{t("after")}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field}>
              <td className="pr-2 font-mono">{c.field}</td>
              <td className="max-w-64 pr-2 break-all text-danger">{show(c.before)}</td>
              <td className="max-w-64 break-all text-ok">{show(c.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
