import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BalanceCard } from "@/components/member/balance-card";
import { CheckInCard } from "@/components/member/check-in-card";
import { EntryRow } from "@/components/member/entry-row";
import { describeEntry } from "@/components/member/entry-text";
import { Landing } from "@/components/member/landing";
import { checkInView, isTaskDone, taskState, tierStanding } from "@/components/member/logic";
import { actionUsage, checkInState, hasOrders } from "@/components/member/queries";
import { TasksCard, type TaskItem } from "@/components/member/tasks-card";
import { TierCard } from "@/components/member/tier-card";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { currentUser, requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";
import { tierMetrics } from "@/lib/members/tier-metrics";
import { expiringPoints, getBalance } from "@/lib/points/get-balance";
import { listEntries } from "@/lib/points/list-entries";
import { findTier, tierProgress } from "@/lib/rules";
import { loadRuleset } from "@/lib/rules/load-ruleset";

/** Points expiring within this many days are called out on the home page. */
const EXPIRY_WARNING_DAYS = 60;
const RECENT_ENTRIES = 5;
/** Not tasks: signing up already happened, and the check-in has its own card. */
const NOT_TASKS = new Set(["signup", "check-in"]);

// Member home ("/"): points at a glance, tier progress, today's check-in, tasks and recent
// activity. Anonymous visitors get the landing page.
export default async function MemberHome() {
  const user = await currentUser();
  if (!user) return <Landing />;
  const actor = await requirePage("member:use");
  const id = actor.userId;
  const at = now();
  const tz = env.DEPLOYMENT_TZ;

  const rulesP = loadRuleset(at);
  const [t, greet, entryT, format, rawLocale, balance, expiring, rules, recent, checkIns, ordered, metrics, usage] = await Promise.all([
    getTranslations("member.home"),
    getTranslations("home"),
    getTranslations("member.entry"),
    getFormatter(),
    getLocale(),
    getBalance(id),
    expiringPoints(id, EXPIRY_WARNING_DAYS),
    rulesP,
    listEntries(id, { limit: RECENT_ENTRIES }),
    checkInState(id, at, tz),
    hasOrders(id),
    rulesP.then((r) => tierMetrics(id, at, r.tiers.definition.qualification.windowMonths)),
    rulesP.then((r) => actionUsage(id, r.actions.map((a) => a.ruleKey), at, tz)),
  ]);
  const locale = isLocale(rawLocale) ? rawLocale : "zh-CN";

  const tiersRule = rules.tiers.definition;
  const progress = tierProgress(tiersRule, metrics);
  const held = findTier(tiersRule, balance.tierCode) ?? progress.current;
  const standing = tierStanding(tiersRule, held.code, progress);

  const actions = rules.actions.filter((a) => a.definition.enabled);
  const checkInRule = actions.find((a) => a.ruleKey === "action.check-in")?.definition;
  const tasks: TaskItem[] = actions
    .map((a) => ({ type: a.ruleKey.slice("action.".length), rule: a.definition }))
    .filter((a) => !NOT_TASKS.has(a.type) && a.rule.points > 0)
    .map((a) => {
      const u = usage[`action.${a.type}`] ?? { day: 0, month: 0, total: 0 };
      // The first-order task is done once there is an order, whether or not the shop sent the event.
      const state = a.type === "first-order" && ordered ? ({ kind: "done" } as const) : taskState(a.rule, u);
      return { ...a, state };
    })
    .sort((a, b) => Number(isTaskDone(a.state)) - Number(isTaskDone(b.state)));

  const grantT = await getTranslations("scheduledGrants.entry");
  const recentRows = recent.entries.map((e) => describeEntry(e, { t: entryT, grantT, format, locale }));

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{greet("greeting", { name: actor.name || actor.email })}</h1>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="flex flex-col gap-4">
          <BalanceCard balance={balance} expiring={expiring} />
          {checkInRule ? <CheckInCard view={checkInView(checkInRule, checkIns, held.earnMultiplierBps)} /> : null}
        </div>
        <div className="flex flex-col gap-4">
          <TierCard held={held} standing={standing} progress={progress} windowMonths={tiersRule.qualification.windowMonths} />
          <TasksCard tasks={tasks} />
        </div>
      </div>
      <Card aria-labelledby="recent-heading">
        <div className="flex items-baseline justify-between gap-2">
          <CardTitle id="recent-heading">{t("recentHeading")}</CardTitle>
          {recentRows.length ? (
            <Link href="/history" className="text-sm font-medium text-brand underline-offset-4 hover:underline">
              {t("recentSeeAll")}
            </Link>
          ) : null}
        </div>
        {recentRows.length ? (
          <ul className="mt-1 divide-y divide-border" data-testid="recent-entries">
            {recentRows.map((e) => (
              <EntryRow key={e.id} entry={e} />
            ))}
          </ul>
        ) : (
          <div className="mt-3">
            <EmptyState title={t("recentEmpty")}>{t("recentEmptyHint")}</EmptyState>
          </div>
        )}
      </Card>
    </div>
  );
}
