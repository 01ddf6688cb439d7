import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RunNowButton, ScheduledGrantForm, type GrantFormValues } from "@/components/admin-members/scheduled-grants";
import { Button, LinkButton } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import type { ScheduledGrant } from "@/db/schema";
import { requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import type { Locale } from "@/lib/i18n/locales";
import { findTier } from "@/lib/rules";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { getScheduledGrant, listScheduledGrants, type GrantListRow } from "@/lib/scheduled-grants/manage";
import { toggleScheduledGrantAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scheduledGrants"))("title") };
}

const EMPTY: GrantFormValues = { name: "", kind: "birthday", birthdayMode: "day", dayOfMonth: "1", runOn: "", tierCode: "", joinedFrom: "", joinedTo: "", points: "", tierPoints: {}, expiryDays: "", reason: "", enabled: true };

function formValues(g: ScheduledGrant): GrantFormValues {
  return {
    id: g.id,
    name: g.name,
    kind: g.kind,
    birthdayMode: g.birthdayMode ?? "day",
    dayOfMonth: String(g.dayOfMonth ?? 1),
    runOn: g.runOn ?? "",
    tierCode: g.segment.tierCode ?? "",
    joinedFrom: g.segment.joinedFrom ?? "",
    joinedTo: g.segment.joinedTo ?? "",
    points: String(g.points),
    tierPoints: Object.fromEntries(Object.entries(g.tierPoints).map(([k, v]) => [k, String(v)])),
    expiryDays: g.expiryDays ? String(g.expiryDays) : "",
    reason: g.reason,
    enabled: g.enabled,
  };
}

// Scheduled grants: birthday gifts and monthly / one-off grants to a segment — list (next and last
// run), create, edit, enable/disable, run now. The schedule itself runs from npm run maintenance.
export default async function ScheduledGrantsPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  await requirePage("admin:members");
  const { edit } = await searchParams;
  const [t, format, locale, rules, rows, editing] = await Promise.all([
    getTranslations("scheduledGrants"),
    getFormatter(),
    getLocale() as Promise<Locale>,
    loadRuleset(now()),
    listScheduledGrants(),
    edit && /^[0-9a-f-]{36}$/i.test(edit) ? getScheduledGrant(edit) : Promise.resolve(null),
  ]);
  const tierRule = rules.tiers.definition;
  const tiers = tierRule.tiers.map((x) => ({ code: x.code, name: x.name[locale] }));
  const tierName = (code: string) => findTier(tierRule, code)?.name[locale] ?? code;
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const n = (v: number) => format.number(v);

  const schedule = (g: ScheduledGrant) => {
    const when =
      g.kind === "birthday" ? t(`schedule.birthday.${g.birthdayMode ?? "day"}`) : g.kind === "monthly" ? t("schedule.monthly", { day: g.dayOfMonth ?? 1 }) : t("schedule.once", { date: g.runOn ? day(g.runOn) : "—" });
    if (g.kind === "birthday") return when;
    const seg = [g.segment.tierCode ? tierName(g.segment.tierCode) : t("anyTier"), g.segment.joinedFrom ? t("schedule.joinedFrom", { date: day(g.segment.joinedFrom) }) : null, g.segment.joinedTo ? t("schedule.joinedTo", { date: day(g.segment.joinedTo) }) : null].filter(Boolean).join(", ");
    return `${when} · ${seg}`;
  };

  const columns: Column<GrantListRow>[] = [
    {
      header: t("cols.grant"),
      rowHeader: true,
      cell: ({ grant: g }) => (
        <>
          <span className="font-medium">{g.name}</span>
          <span className="block text-muted">{g.reason}</span>
        </>
      ),
    },
    { header: t("cols.schedule"), cell: ({ grant: g }) => schedule(g) },
    {
      header: t("cols.points"),
      numeric: true,
      cell: ({ grant: g }) => (
        <>
          {n(g.points)}
          {Object.entries(g.tierPoints).map(([code, p]) => (
            <span key={code} className="block text-xs text-muted">
              {tierName(code)} {n(p)}
            </span>
          ))}
          <span className="block text-xs text-muted">{g.expiryDays ? t("expiresIn", { days: g.expiryDays }) : t("expiresByRule")}</span>
        </>
      ),
    },
    {
      header: t("cols.status"),
      cell: ({ grant: g }) => <span className={g.enabled ? "rounded bg-ok-soft px-1.5 text-ok" : "rounded bg-surface-2 px-1.5"}>{g.enabled ? t("enabled") : t("disabled")}</span>,
    },
    { header: t("cols.next"), cell: (r) => (r.nextRun ? day(r.nextRun) : "—") },
    {
      header: t("cols.last"),
      cell: ({ lastRun: r }) =>
        r ? (
          <span data-testid="last-run">
            {r.runKey.length === 7 ? format.dateTime(new Date(`${r.runKey}-15T12:00:00Z`), { year: "numeric", month: "long", timeZone: "UTC" }) : day(r.runKey)}
            {" · "}
            {r.status === "done" ? t("lastRun", { granted: r.granted, points: n(r.points), frozen: r.skippedFrozen, failed: r.failed }) : t("running")}
            <span className="block text-xs text-muted">{r.trigger === "manual" ? t("trigger.manual", { who: r.triggeredByLabel ?? "—" }) : t("trigger.schedule")}</span>
          </span>
        ) : (
          t("never")
        ),
    },
    {
      header: t("cols.actions"),
      srOnly: true,
      cell: ({ grant: g }) => (
        <div className="flex flex-col items-start gap-2">
          <div className="flex flex-wrap gap-2">
            <LinkButton href={`/admin/members/scheduled-grants?edit=${g.id}`} variant="secondary" aria-label={t("editFor", { name: g.name })}>
              {t("edit")}
            </LinkButton>
            <form action={toggleScheduledGrantAction}>
              <input type="hidden" name="id" value={g.id} />
              <input type="hidden" name="enabled" value={g.enabled ? "false" : "true"} />
              <Button type="submit" variant="secondary" aria-label={t(g.enabled ? "disableFor" : "enableFor", { name: g.name })}>
                {g.enabled ? t("disable") : t("enable")}
              </Button>
            </form>
          </div>
          <RunNowButton grantId={g.id} name={g.name} disabled={!g.enabled} />
        </div>
      ),
    },
  ];

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={t("title")} intro={t("intro")} />
        <div className="flex flex-wrap gap-2">
          <LinkButton href="/admin/members/grants" variant="secondary">
            {t("bulk")}
          </LinkButton>
          <LinkButton href="/admin/members" variant="secondary">
            {t("back")}
          </LinkButton>
        </div>
      </div>
      <Card aria-labelledby="sg-list-h">
        <CardTitle id="sg-list-h">{t("listTitle")}</CardTitle>
        <div className="mt-2">
          <DataTable caption={t("listTitle")} columns={columns} rows={rows} rowKey={(r) => r.grant.id} empty={t("empty")} testId="scheduled-grants" />
        </div>
      </Card>
      <Card aria-labelledby="sg-form-h">
        <CardTitle id="sg-form-h">{editing ? t("editTitle") : t("newTitle")}</CardTitle>
        <div className="mt-3">
          <ScheduledGrantForm key={editing?.id ?? "new"} tiers={tiers} initial={editing ? formValues(editing) : EMPTY} />
        </div>
      </Card>
    </div>
  );
}
