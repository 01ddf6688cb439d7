import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Actor, actorLabeller } from "@/components/admin-members/actor";
import { CorrectBirthdayForm } from "@/components/admin-members/birthday-form";
import { AdjustForm, DecideForm, FreezeForm, TierOverrideForm } from "@/components/admin-members/member-forms";
import { describeEntry } from "@/components/member/entry-text";
import { BindingHistory } from "@/components/referral/binding-history";
import { RebindForm } from "@/components/referral/rebind-form";
import { LinkButton } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTableCard } from "@/components/ui/data-table";
import { KeysetPager } from "@/components/ui/list-nav";
import { PageHeader } from "@/components/ui/page-header";
import { downlineCounts, memberAdjustments, memberDetail, memberLedger, memberLots, memberTierHistory, uplineChain } from "@/lib/admin-members/member-detail";
import { createdAtIdKey, decodeCursor } from "@/lib/api/pagination";
import { requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { listBindingHistory } from "@/lib/distribution/binding-history";
import type { Locale } from "@/lib/i18n/locales";
import { listMemberRedemptions } from "@/lib/mall/member-redemptions";
import { findTier } from "@/lib/rules";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { today } from "@/lib/scheduled-grants/run-grants";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminMembers.member"))("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// One member for an admin: balance, lots, ledger (keyset pages, each entry explained), tier and its
// history, redemptions, referral position; and the admin's actions on them.
export default async function MemberPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ before?: string | string[] }> }) {
  const actor = await requirePage("admin:members");
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const sp = await searchParams;
  const before = typeof sp.before === "string" ? (decodeCursor(createdAtIdKey, sp.before) ?? undefined) : undefined;
  const member = await memberDetail(id);
  if (!member) notFound();
  const [t, rt, entryT, format, locale, rules, lots, ledger, history, redemptions, upline, downline, adjustments, bindings] = await Promise.all([
    getTranslations("adminMembers"),
    getTranslations("referral"),
    getTranslations("member.entry"),
    getFormatter(),
    getLocale() as Promise<Locale>,
    loadRuleset(now()),
    memberLots(id),
    memberLedger(id, before),
    memberTierHistory(id),
    listMemberRedemptions(id, { limit: 10 }),
    uplineChain(id),
    downlineCounts(id),
    memberAdjustments(id),
    listBindingHistory(id),
  ]);
  const tierRule = rules.tiers.definition;
  const tierName = (code: string | null) => (code ? (findTier(tierRule, code)?.name[locale] ?? code) : "—");
  const n = (v: number) => format.number(v);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const grantT = await getTranslations("scheduledGrants.entry");
  const bt = await getTranslations("birthday");
  const entries = ledger.entries.map((e) => ({ ...describeEntry(e, { t: entryT, grantT, format, locale }), actor: e.actor, balanceAfter: e.balanceAfter }));
  // Who did each thing, by name: every person the ledger page and the binding history name, in one lookup.
  const actorLabel = await actorLabeller([...entries.map((e) => e.actor), ...bindings.map((b) => b.actor)]);
  const pending = adjustments.filter((a) => a.status === "pending");

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={member.name || member.email}
        intro={`${member.email} · ${t("member.joined", { date: format.dateTime(member.createdAt, { dateStyle: "medium" }) })}`}
        actions={
          <LinkButton href="/admin/members" variant="secondary">
            {t("member.back")}
          </LinkButton>
        }
      />

      <Card aria-labelledby="profile-h">
        <CardTitle id="profile-h" className="sr-only">
          {t("member.profile")}
        </CardTitle>
        <dl className="grid gap-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
          <Fact label={t("member.status")}>
            {member.frozen ? <span className="rounded bg-danger-soft px-1.5 text-danger">{t("status.frozen")}</span> : t("status.active")}
          </Fact>
          <Fact label={t("member.tier")}>{tierName(member.tierCode)}</Fact>
          <Fact label={t("member.phone")}>{member.phone ?? "—"}</Fact>
          <Fact label={t("member.code")}>{member.distributor ? <span className="font-mono">{member.distributor.code}</span> : "—"}</Fact>
          <Fact label={t("member.externalId")}>{member.externalId ?? "—"}</Fact>
          <Fact label={t("member.id")}>
            <span className="font-mono text-xs break-all">{member.id}</span>
          </Fact>
        </dl>
        {member.frozen ? (
          <p className="mt-3 text-sm text-danger" data-testid="frozen-note">
            {t("member.frozenSince", { date: when(member.frozen.at), reason: member.frozen.reason ?? "—" })}
          </p>
        ) : null}
      </Card>

      <Card aria-labelledby="balance-h">
        <CardTitle id="balance-h">{t("member.balance")}</CardTitle>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="balance">
          <Fact label={t("member.available")} big>
            {n(member.balance.available)}
          </Fact>
          <Fact label={t("member.pending")} big>
            {n(member.balance.pending)}
          </Fact>
          <Fact label={t("member.debt")} big>
            {n(member.balance.debt)}
          </Fact>
          <Fact label={t("member.lifetime")} big>
            {n(member.balance.lifetimeEarned)}
          </Fact>
        </dl>
      </Card>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card aria-labelledby="adjust-h">
          <CardTitle id="adjust-h">{t("adjust.title")}</CardTitle>
          <div className="mt-3">
            <AdjustForm memberId={id} approvalAbove={rules.earning.definition.manualAdjustments.approvalAbovePoints} />
          </div>
          {pending.length ? (
            <div className="mt-4 flex flex-col gap-3">
              <h3 className="text-sm font-semibold">{t("adjust.pendingTitle")}</h3>
              {pending.map((a) => (
                <div key={a.id} className="rounded-lg border border-border p-3 text-sm" data-testid="pending-adjustment">
                  <p>
                    <strong className="tabular-nums">{a.points > 0 ? `+${n(a.points)}` : n(a.points)}</strong> — {a.reason}
                  </p>
                  <p className="text-muted">{t("approvals.askedBy", { who: a.requestedByLabel, date: when(a.createdAt) })}</p>
                  {a.requestedBy === actor.userId ? <p className="mt-1 text-muted">{t("approvals.needsOther")}</p> : <div className="mt-2"><DecideForm id={a.id} label={t("approvals.decide")} /></div>}
                </div>
              ))}
            </div>
          ) : null}
        </Card>
        <Card aria-labelledby="freeze-h">
          <CardTitle id="freeze-h">{t(member.frozen ? "freeze.unfreezeTitle" : "freeze.title")}</CardTitle>
          <p className="mt-1 text-sm text-muted">{t("freeze.explain")}</p>
          <div className="mt-3">
            <FreezeForm memberId={id} frozen={Boolean(member.frozen)} />
          </div>
        </Card>
        <Card aria-labelledby="tier-h">
          <CardTitle id="tier-h">{t("tier.override")}</CardTitle>
          <p className="mt-1 text-sm text-muted" data-testid="override-note">
            {member.override?.active ? t("tier.overrideActive", { tier: tierName(member.override.code), date: when(member.override.until) }) : t("tier.explain")}
          </p>
          <div className="mt-3">
            <TierOverrideForm memberId={id} hasOverride={Boolean(member.override)} tiers={tierRule.tiers.map((x) => ({ code: x.code, name: x.name[locale] }))} />
          </div>
        </Card>
        <Card aria-labelledby="birthday-h">
          <CardTitle id="birthday-h">{bt("correctTitle")}</CardTitle>
          <p className="mt-1 text-sm text-muted" data-testid="birthday">
            {member.birthday ? bt("current", { date: format.dateTime(new Date(`${member.birthday}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) }) : bt("none")}
          </p>
          <div className="mt-3">
            <CorrectBirthdayForm memberId={id} birthday={member.birthday} max={today()} />
          </div>
        </Card>
      </div>

      <DataTableCard
        title={t("lots.title")}
        headingId="lots-h"
        rows={lots}
        rowKey={(l) => l.id}
        empty={<p className="text-sm text-muted">{t("lots.empty")}</p>}
        align="middle"
        columns={[
          { header: t("lots.created"), className: "whitespace-nowrap", cell: (l) => when(l.createdAt) },
          { header: t("lots.amount"), numeric: true, cell: (l) => n(l.amount) },
          { header: t("lots.remaining"), numeric: true, cell: (l) => n(l.remaining) },
          { header: t("lots.availableAt"), className: "whitespace-nowrap", cell: (l) => (l.availableAt > now() ? <span className="text-warn">{when(l.availableAt)}</span> : when(l.availableAt)) },
          { header: t("lots.expiresAt"), className: "whitespace-nowrap", cell: (l) => (l.expiresAt ? when(l.expiresAt) : t("lots.never")) },
        ]}
      />

      <DataTableCard
        title={t("ledger.title")}
        headingId="ledger-h"
        testId="ledger"
        rows={entries}
        rowKey={(e) => e.id}
        empty={t("ledger.empty")}
        footer={
          <KeysetPager
            newest={before ? { href: `/admin/members/${id}`, label: t("ledger.newest") } : null}
            next={ledger.nextCursor ? { href: `/admin/members/${id}?before=${ledger.nextCursor}`, label: t("ledger.older") } : null}
          />
        }
        columns={[
          { header: t("ledger.when"), className: "whitespace-nowrap", cell: (e) => when(new Date(e.createdAt)) },
          {
            header: t("ledger.what"),
            cell: (e) => (
              <>
                <span className="font-medium">{e.title}</span>
                <span className="ml-2 text-xs text-muted">{entryT(`types.${e.category}`)}</span>
                {e.detail ? <span className="block text-xs text-muted">{e.detail}</span> : null}
              </>
            ),
          },
          { header: t("ledger.points"), numeric: true, cell: (e) => <span className={e.points < 0 ? "text-danger" : "text-ok"}>{e.points > 0 ? `+${n(e.points)}` : n(e.points)}</span> },
          { header: t("ledger.balanceAfter"), numeric: true, cell: (e) => n(e.balanceAfter) },
          { header: t("ledger.actor"), className: "break-words", cell: (e) => <Actor raw={e.actor} label={actorLabel} /> },
        ]}
      />

      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="tiers-h">
          <CardTitle id="tiers-h">{t("tier.historyTitle")}</CardTitle>
          <p className="mt-1 text-sm">{t("tier.current", { tier: tierName(member.tierCode) })}</p>
          {history.length === 0 ? (
            <p className="mt-2 text-sm text-muted">{t("tier.noHistory")}</p>
          ) : (
            <ul className="mt-2 flex flex-col gap-1 text-sm">
              {history.map((h) => (
                <li key={h.id}>
                  <span className="text-muted">{when(h.createdAt)}</span> {tierName(h.fromCode)} → {tierName(h.toCode)}{" "}
                  <span className="text-muted">({t.has(`tier.reasons.${h.reason.split(":")[0]}`) ? t(`tier.reasons.${h.reason.split(":")[0]}`) : h.reason})</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card aria-labelledby="redemptions-h">
          <CardTitle id="redemptions-h">{t("redemptions.title")}</CardTitle>
          {redemptions.rows.length === 0 ? (
            <p className="mt-2 text-sm text-muted">{t("redemptions.empty")}</p>
          ) : (
            <ul className="mt-2 flex flex-col gap-1 text-sm">
              {redemptions.rows.map((r) => (
                <li key={r.id} className="flex flex-wrap justify-between gap-2 border-t border-border py-1">
                  <span>
                    <Link href={`/admin/fulfilment/${r.id}`} className="text-brand underline underline-offset-2">
                      {locale === "en" ? r.reward.nameEn || r.reward.name : r.reward.name}
                    </Link>{" "}
                    × {r.quantity}
                  </span>
                  <span className="text-muted">
                    {t("redemptions.points", { points: n(r.pointsSpent) })} · {t(`redemptions.status.${r.status}`)} · {when(r.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card aria-labelledby="referral-h">
        <CardTitle id="referral-h">{t("referral.title")}</CardTitle>
        <div className="mt-2 grid gap-4 sm:grid-cols-2">
          <div>
            <h3 className="text-sm font-semibold">{t("referral.upline")}</h3>
            {upline.length === 0 ? (
              <p className="text-sm text-muted">{t("referral.noUpline")}</p>
            ) : (
              <ol className="mt-1 flex flex-col gap-1 text-sm" data-testid="upline">
                {upline.map((u) => (
                  <li key={u.id}>
                    <span className="text-muted">{t("referral.level", { depth: u.depth })}</span>{" "}
                    <Link href={`/admin/members/${u.id}`} className="text-brand underline underline-offset-2">
                      {u.name || u.email}
                    </Link>
                    {u.code ? <span className="ml-1 font-mono text-xs">{u.code}</span> : null}
                  </li>
                ))}
              </ol>
            )}
          </div>
          <dl className="grid grid-cols-2 gap-3" data-testid="downline">
            <Fact label={t("referral.level1")} big>
              {n(downline.level1)}
            </Fact>
            <Fact label={t("referral.level2")} big>
              {n(downline.level2)}
            </Fact>
          </dl>
        </div>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <section aria-labelledby="binding-history-h">
            <h3 id="binding-history-h" className="text-sm font-semibold">
              {rt("mine.history")}
            </h3>
            <BindingHistory items={bindings} showActor actorLabel={actorLabel} />
          </section>
          <section aria-labelledby="rebind-h">
            <h3 id="rebind-h" className="mb-2 text-sm font-semibold">
              {rt("rebind.title")}
            </h3>
            <RebindForm memberId={id} />
          </section>
        </div>
      </Card>
    </div>
  );
}

function Fact({ label, children, big }: { label: string; children: React.ReactNode; big?: boolean }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className={big ? "text-2xl font-semibold tabular-nums" : ""}>{children}</dd>
    </div>
  );
}
