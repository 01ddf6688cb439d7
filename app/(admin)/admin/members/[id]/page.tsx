import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CorrectBirthdayForm } from "@/components/admin-members/birthday-form";
import { AdjustForm, DecideForm, FreezeForm, TierOverrideForm } from "@/components/admin-members/member-forms";
import { describeEntry } from "@/components/member/entry-text";
import { BindingHistory } from "@/components/referral/binding-history";
import { RebindForm } from "@/components/referral/rebind-form";
import { LinkButton } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
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
  const th = "py-2 pr-3 font-medium";
  const pending = adjustments.filter((a) => a.status === "pending");

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={member.name || member.email} intro={`${member.email} · ${t("member.joined", { date: format.dateTime(member.createdAt, { dateStyle: "medium" }) })}`} />
        <LinkButton href="/admin/members" variant="secondary">
          {t("member.back")}
        </LinkButton>
      </div>

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

      <Card aria-labelledby="lots-h">
        <CardTitle id="lots-h">{t("lots.title")}</CardTitle>
        {lots.length === 0 ? (
          <p className="mt-2 text-sm text-muted">{t("lots.empty")}</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-muted">
                <tr>
                  <th className={th}>{t("lots.created")}</th>
                  <th className={`${th} text-right`}>{t("lots.amount")}</th>
                  <th className={`${th} text-right`}>{t("lots.remaining")}</th>
                  <th className={th}>{t("lots.availableAt")}</th>
                  <th className={th}>{t("lots.expiresAt")}</th>
                </tr>
              </thead>
              <tbody>
                {lots.map((l) => (
                  <tr key={l.id} className="border-t border-border">
                    <td className="py-2 pr-3 whitespace-nowrap">{when(l.createdAt)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{n(l.amount)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{n(l.remaining)}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{l.availableAt > now() ? <span className="text-warn">{when(l.availableAt)}</span> : when(l.availableAt)}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{l.expiresAt ? when(l.expiresAt) : t("lots.never")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card aria-labelledby="ledger-h">
        <CardTitle id="ledger-h">{t("ledger.title")}</CardTitle>
        {entries.length === 0 ? (
          <div className="mt-2">
            <EmptyState title={t("ledger.empty")} />
          </div>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="ledger">
              <thead className="text-muted">
                <tr>
                  <th className={th}>{t("ledger.when")}</th>
                  <th className={th}>{t("ledger.what")}</th>
                  <th className={`${th} text-right`}>{t("ledger.points")}</th>
                  <th className={`${th} text-right`}>{t("ledger.balanceAfter")}</th>
                  <th className={th}>{t("ledger.actor")}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} className="border-t border-border align-top">
                    <td className="py-2 pr-3 whitespace-nowrap">{when(new Date(e.createdAt))}</td>
                    <td className="py-2 pr-3">
                      <span className="font-medium">{e.title}</span>
                      <span className="ml-2 text-xs text-muted">{entryT(`types.${e.type}`)}</span>
                      {e.detail ? <span className="block text-xs text-muted">{e.detail}</span> : null}
                    </td>
                    <td className={`py-2 pr-3 text-right tabular-nums ${e.points < 0 ? "text-danger" : "text-ok"}`}>{e.points > 0 ? `+${n(e.points)}` : n(e.points)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{n(e.balanceAfter)}</td>
                    <td className="py-2 pr-3 font-mono text-xs break-all">{e.actor}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="mt-3 flex gap-2">
          {before ? (
            <LinkButton href={`/admin/members/${id}`} variant="secondary">
              {t("ledger.newest")}
            </LinkButton>
          ) : null}
          {ledger.nextCursor ? (
            <LinkButton href={`/admin/members/${id}?before=${ledger.nextCursor}`} variant="secondary" rel="next">
              {t("ledger.older")}
            </LinkButton>
          ) : null}
        </div>
      </Card>

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
            <BindingHistory items={bindings} showActor />
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
