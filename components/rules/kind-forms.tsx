"use client";

// The form of each rule kind: every field of the schema, in the admin's terms (×, %, ¥, days), no
// JSON needed. Field labels come from messages rules.f.* by path; options from rules.opt.*.
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { RuleKind } from "@/lib/rules/schema";
import {
  CheckField,
  CodeListField,
  DateTimeField,
  GroupIssues,
  KeyedField,
  LevelRatesField,
  ListField,
  LocalizedField,
  NumberField,
  SelectField,
  TextField,
  useEditor,
  WeekdaysField,
} from "./fields";
import { getIn, type Path } from "./paths";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-3 border-t border-border pt-4 first:border-t-0 first:pt-0">
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}

const grid = "grid gap-3 sm:grid-cols-2 lg:grid-cols-3";

function useOptions() {
  const t = useTranslations("rules.opt");
  return (values: string[]) => values.map((v) => ({ value: v, label: t(v) }));
}

export function KindForm({ kind }: { kind: RuleKind }) {
  switch (kind) {
    case "earning":
      return <EarningForm />;
    case "tiers":
      return <TiersForm />;
    case "campaign":
      return <CampaignForm />;
    case "action":
      return <ActionForm />;
    case "distribution":
      return <DistributionForm />;
  }
}

function EarningForm() {
  const t = useTranslations("rules.editor");
  const { value, set } = useEditor();
  const opts = useOptions();
  const expiry = getIn(value, ["expiry", "kind"]);
  return (
    <div className="flex flex-col gap-4">
      <Section title={t("sections.rate")}>
        <div className={grid}>
          <NumberField path={["pointsPerUnit"]} hint={t("hints.pointsPerUnit")} />
          <NumberField path={["unitCents"]} />
          <NumberField path={["returnWindowDays"]} hint={t("hints.returnWindowDays")} />
        </div>
        <div className={grid}>
          <CheckField path={["base", "afterDiscounts"]} />
          <CheckField path={["base", "minusPointsPaid"]} />
          <CheckField path={["base", "includeShipping"]} />
        </div>
      </Section>
      <Section title={t("sections.multipliers")}>
        <KeyedField path={["categoryMultipliersBps"]} unit="multiplier" keyLabel={t("category")} />
        <KeyedField path={["skuMultipliersBps"]} unit="multiplier" keyLabel={t("sku")} />
      </Section>
      <Section title={t("sections.expiry")}>
        <div className={grid}>
          <SelectField
            path={["expiry", "kind"]}
            options={opts(["rolling", "end-of-year", "never"])}
            onPick={(k) => set(["expiry"], k === "rolling" ? { kind: k, days: 365 } : k === "end-of-year" ? { kind: k, years: 1 } : { kind: k })}
          />
          {expiry === "rolling" ? <NumberField key="days" path={["expiry", "days"]} /> : null}
          {expiry === "end-of-year" ? <NumberField key="years" path={["expiry", "years"]} /> : null}
        </div>
      </Section>
      <Section title={t("sections.checkout")}>
        <div className={grid}>
          <NumberField path={["checkout", "pointsPerCurrencyUnit"]} hint={t("hints.pointsPerCurrencyUnit")} />
          <NumberField path={["checkout", "maxPercentOfGoods"]} suffix="%" hint={t("hints.maxPercentOfGoods")} />
        </div>
      </Section>
      <Section title={t("sections.manualAdjustments")}>
        <div className={grid}>
          <NumberField path={["manualAdjustments", "approvalAbovePoints"]} hint={t("hints.approvalAbovePoints")} />
        </div>
      </Section>
    </div>
  );
}

function TiersForm() {
  const t = useTranslations("rules.editor");
  const { value } = useEditor();
  const opts = useOptions();
  const spend = getIn(value, ["qualification", "basis"]) === "spend";
  return (
    <div className="flex flex-col gap-4">
      <Section title={t("sections.qualification")}>
        <div className={grid}>
          <SelectField path={["qualification", "basis"]} options={opts(["points-earned", "spend"])} />
          <NumberField path={["qualification", "windowMonths"]} />
          <SelectField path={["downgrade", "policy"]} options={opts(["recalculate", "one-level", "never"])} />
        </div>
      </Section>
      <ListField
        path={["tiers"]}
        addLabel={t("addTier")}
        itemTitle={(i, item) => t("tierN", { n: i + 1, code: String((item as { code?: unknown })?.code ?? "") })}
        make={(items) => {
          const last = items.at(-1) as { threshold?: unknown } | undefined;
          const threshold = typeof last?.threshold === "number" ? last.threshold + 10_000 : 0;
          return { code: `tier-${items.length + 1}`, name: { "zh-CN": "", en: "" }, threshold, earnMultiplierBps: 10_000, catalogueDiscountBps: 0, benefits: [] };
        }}
      >
        {(i) => (
          <>
            <div className={grid}>
              <TextField path={["tiers", i, "code"]} hint={t("hints.code")} />
              <NumberField path={["tiers", i, "threshold"]} unit={spend ? "money" : "count"} hint={spend ? t("hints.thresholdSpend") : t("hints.thresholdPoints")} />
              <NumberField path={["tiers", i, "earnMultiplierBps"]} />
              <NumberField path={["tiers", i, "catalogueDiscountBps"]} />
            </div>
            <LocalizedField path={["tiers", i, "name"]} />
            <ListField path={["tiers", i, "benefits"]} addLabel={t("addBenefit")} itemTitle={(j) => t("benefitN", { n: j + 1 })} make={() => ({ "zh-CN": "", en: "" })}>
              {(j) => <LocalizedField path={["tiers", i, "benefits", j]} label={t("benefitN", { n: j + 1 })} />}
            </ListField>
          </>
        )}
      </ListField>
    </div>
  );
}

function CampaignForm() {
  const t = useTranslations("rules.editor");
  const { value, set } = useEditor();
  const opts = useOptions();
  const award = getIn(value, ["award", "kind"]);
  return (
    <div className="flex flex-col gap-4">
      <Section title={t("sections.campaign")}>
        <LocalizedField path={["name"]} />
        <CheckField path={["enabled"]} />
      </Section>
      <Section title={t("sections.window")}>
        <div className={grid}>
          <DateTimeField path={["startsAt"]} hint={t("hints.wallClock")} />
          <DateTimeField path={["endsAt"]} nullable hint={t("hints.openEnded")} />
        </div>
        <WeekdaysField path={["daysOfWeek"]} />
      </Section>
      <Section title={t("sections.award")}>
        <div className={grid}>
          <SelectField
            path={["award", "kind"]}
            options={opts(["multiplier", "flat"])}
            onPick={(k) => set(["award"], k === "multiplier" ? { kind: k, bps: 20_000 } : { kind: k, points: 100 })}
          />
          {award === "multiplier" ? <NumberField key="bps" path={["award", "bps"]} hint={t("hints.campaignMultiplier")} /> : null}
          {award === "flat" ? <NumberField key="points" path={["award", "points"]} /> : null}
          <NumberField path={["minBaseCents"]} />
        </div>
        <div className={grid}>
          <CodeListField path={["categories"]} hint={t("hints.codeList")} />
          <CodeListField path={["skus"]} hint={t("hints.codeList")} />
        </div>
      </Section>
      <Section title={t("sections.precedence")}>
        <div className={grid}>
          <NumberField path={["priority"]} hint={t("hints.priority")} />
          <SelectField path={["stacking"]} options={opts(["stack", "best-only"])} />
        </div>
      </Section>
      <Section title={t("sections.caps")}>
        <div className={grid}>
          <NumberField path={["caps", "perMemberPerDay"]} nullable hint={t("hints.noLimit")} />
          <NumberField path={["caps", "perMemberPerMonth"]} nullable hint={t("hints.noLimit")} />
          <NumberField path={["caps", "budget"]} nullable hint={t("hints.noLimit")} />
        </div>
        <GroupIssues path={["caps"]} />
      </Section>
    </div>
  );
}

function ActionForm() {
  const t = useTranslations("rules.editor");
  const { value, set } = useEditor();
  const streak = getIn(value, ["streakBonus"]);
  return (
    <div className="flex flex-col gap-4">
      <Section title={t("sections.action")}>
        <LocalizedField path={["name"]} />
        <div className={grid}>
          <NumberField path={["points"]} />
          <CheckField path={["enabled"]} />
          <CheckField path={["applyTierMultiplier"]} />
        </div>
      </Section>
      <Section title={t("sections.caps")}>
        <div className={grid}>
          <NumberField path={["maxPerMemberPerDay"]} nullable hint={t("hints.noLimit")} />
          <NumberField path={["maxPerMemberPerMonth"]} nullable hint={t("hints.noLimit")} />
          <NumberField path={["maxPerMemberTotal"]} nullable hint={t("hints.noLimit")} />
          <NumberField path={["budget"]} nullable hint={t("hints.noLimit")} />
        </div>
      </Section>
      <Section title={t("sections.streak")}>
        <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
          <input type="checkbox" className="size-4" checked={streak !== null && streak !== undefined} onChange={(e) => set(["streakBonus"], e.target.checked ? { cycleDays: 7, bonuses: [] } : null)} />
          {t("streakOn")}
        </label>
        {streak ? (
          <>
            <NumberField path={["streakBonus", "cycleDays"]} nullable hint={t("hints.cycleDays")} />
            <ListField path={["streakBonus", "bonuses"]} addLabel={t("addBonus")} itemTitle={(i) => t("bonusN", { n: i + 1 })} make={(items) => ({ day: items.length + 1, points: 10 })}>
              {(i) => (
                <div className={grid}>
                  <NumberField path={["streakBonus", "bonuses", i, "day"]} />
                  <NumberField path={["streakBonus", "bonuses", i, "points"]} />
                </div>
              )}
            </ListField>
          </>
        ) : null}
      </Section>
    </div>
  );
}

const resize = (v: unknown, n: number) => Array.from({ length: n }, (_, i) => (Array.isArray(v) && typeof v[i] === "number" ? v[i] : 0));

function DistributionForm() {
  const t = useTranslations("rules.editor");
  const { value, set } = useEditor();
  const opts = useOptions();
  const rawDepth = getIn(value, ["depth"]);
  const depth = typeof rawDepth === "number" && rawDepth >= 1 && rawDepth <= 3 ? rawDepth : 3;
  const become = getIn(value, ["becomeDistributor", "mode"]);
  const levels = getIn(value, ["levels"]);

  /** Depth decides how many rates every rate list has: resize them all with it. */
  const setDepth = (next: unknown) => {
    let v: Record<string, unknown> = { ...(value as Record<string, unknown>), depth: next };
    if (typeof next === "number" && Number.isInteger(next) && next >= 1 && next <= 3) {
      const maps = (m: unknown) => Object.fromEntries(Object.entries((m as Record<string, unknown>) ?? {}).map(([k, r]) => [k, resize(r, next)]));
      v = {
        ...v,
        levelRatesBps: resize(v.levelRatesBps, next),
        categoryRatesBps: maps(v.categoryRatesBps),
        skuRatesBps: maps(v.skuRatesBps),
        levels: Array.isArray(v.levels) ? v.levels.map((l: Record<string, unknown>) => (Array.isArray(l?.ratesBps) ? { ...l, ratesBps: resize(l.ratesBps, next) } : l)) : v.levels,
      };
    }
    set([], v);
  };

  return (
    <div className="flex flex-col gap-4">
      <Section title={t("sections.commission")}>
        <div className={grid}>
          <DepthField onDepth={setDepth} />
        </div>
        {rawDepth === 3 || getIn(value, ["complianceAcknowledged"]) === true ? (
          <div className="flex flex-col gap-2">
            <Alert tone="warn">
              <p className="font-medium">{t("compliance.title")}</p>
              <p>{t("compliance.body")}</p>
            </Alert>
            <CheckField path={["complianceAcknowledged"]} label={t("compliance.acknowledge")} />
          </div>
        ) : null}
        <LevelRatesField key={`rates-${depth}`} path={["levelRatesBps"]} depth={depth} />
        <KeyedField key={`cat-${depth}`} path={["categoryRatesBps"]} unit="percentBps" levels={depth} keyLabel={t("category")} />
        <KeyedField key={`sku-${depth}`} path={["skuRatesBps"]} unit="percentBps" levels={depth} keyLabel={t("sku")} />
        <div className={grid}>
          <CheckField path={["selfPurchase"]} hint={t("hints.selfPurchase")} />
          <NumberField path={["freezeDays"]} hint={t("hints.freezeDays")} />
        </div>
      </Section>
      <Section title={t("sections.withdrawal")}>
        <div className={grid}>
          <NumberField path={["withdrawal", "minCents"]} />
          <NumberField path={["withdrawal", "dailyCapCents"]} nullable hint={t("hints.noLimit")} />
          <NumberField path={["withdrawal", "maxRequestsPerDay"]} nullable hint={t("hints.noLimit")} />
          <NumberField path={["withdrawal", "feeBps"]} />
        </div>
      </Section>
      <Section title={t("sections.risk")}>
        <p className="text-sm text-muted">{t("hints.risk")}</p>
        <div className={grid}>
          <NumberField path={["risk", "refundAfterReleaseDays"]} />
          <NumberField path={["risk", "refundRateBps"]} />
          <NumberField path={["risk", "refundRateMinOrders"]} />
          <NumberField path={["risk", "windowDays"]} />
          <NumberField path={["risk", "signupBurstCount"]} />
          <NumberField path={["risk", "signupBurstMinutes"]} />
        </div>
      </Section>
      <Section title={t("sections.binding")}>
        <div className={grid}>
          <SelectField path={["binding", "mode"]} options={opts(["signup", "first-order"])} />
          <NumberField path={["binding", "expiryDays"]} nullable hint={t("hints.permanent")} />
          <CheckField path={["binding", "allowRebind"]} />
          <NumberField path={["attributionWindowDays"]} />
          <SelectField
            path={["becomeDistributor", "mode"]}
            options={opts(["everyone", "apply", "threshold"])}
            onPick={(m) => set(["becomeDistributor"], m === "threshold" ? { mode: m, thresholdCents: 100_000 } : { mode: m })}
          />
          {become === "threshold" ? <NumberField key="threshold" path={["becomeDistributor", "thresholdCents"]} /> : null}
        </div>
      </Section>
      <ListField
        key={`levels-${depth}`}
        path={["levels"]}
        addLabel={t("addLevel")}
        itemTitle={(i, item) => t("levelN", { n: i + 1, code: String((item as { code?: unknown })?.code ?? "") })}
        make={(items) => ({ code: `level-${items.length + 1}`, name: { "zh-CN": "", en: "" }, ratesBps: null, upgrade: null })}
      >
        {(i) => <DistributorLevel i={i} depth={depth} levels={levels} />}
      </ListField>
    </div>
  );
}

function DistributorLevel({ i, depth, levels }: { i: number; depth: number; levels: unknown }) {
  const t = useTranslations("rules.editor");
  const { set } = useEditor();
  const path: Path = ["levels", i];
  const rates = Array.isArray(levels) ? (levels[i] as { ratesBps?: unknown } | undefined)?.ratesBps : null;
  return (
    <>
      <TextField path={[...path, "code"]} hint={t("hints.code")} />
      <LocalizedField path={[...path, "name"]} />
      <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
        <input type="checkbox" className="size-4" checked={Array.isArray(rates)} onChange={(e) => set([...path, "ratesBps"], e.target.checked ? resize(null, depth) : null)} />
        {t("ownRates")}
      </label>
      {Array.isArray(rates) ? <LevelRatesField path={[...path, "ratesBps"]} depth={depth} /> : null}
      {i > 0 ? <LevelUpgradeFields path={[...path, "upgrade"]} upgrade={Array.isArray(levels) ? (levels[i] as { upgrade?: unknown } | undefined)?.upgrade : null} /> : <GroupIssues path={[...path, "upgrade"]} />}
    </>
  );
}

/** Automatic upgrade into this level: optional conditions (empty = not a condition), all must hold. */
function LevelUpgradeFields({ path, upgrade }: { path: Path; upgrade: unknown }) {
  const t = useTranslations("rules.editor");
  const { set } = useEditor();
  const on = upgrade !== null && upgrade !== undefined;
  return (
    <>
      <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          className="size-4"
          checked={on}
          onChange={(e) => set(path, e.target.checked ? { minTeamSize: null, minTeamSalesCents: null, minOwnSalesCents: null, periodDays: 30 } : null)}
        />
        {t("autoUpgrade")}
      </label>
      <GroupIssues path={path} />
      {on ? (
        <>
          <NumberField path={[...path, "minTeamSize"]} nullable hint={t("hints.notCondition")} />
          <NumberField path={[...path, "minTeamSalesCents"]} nullable hint={t("hints.notCondition")} />
          <NumberField path={[...path, "minOwnSalesCents"]} nullable hint={t("hints.notCondition")} />
          <NumberField path={[...path, "periodDays"]} hint={t("hints.upgradePeriod")} />
        </>
      ) : null}
    </>
  );
}

function DepthField({ onDepth }: { onDepth: (v: unknown) => void }) {
  // A plain number field whose change also resizes the rate lists.
  const t = useTranslations("rules.editor");
  return <NumberField path={["depth"]} hint={t("hints.depth")} onValue={onDepth} />;
}
