"use client";

// Try the draft on a sample order: the points it would earn under the version in force and with the
// draft, side by side, with the same one-line explanation members see. Re-runs as the draft or the
// sample changes (debounced); unsaved edits are included.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { previewAction } from "@/app/[locale]/(admin)/admin/rules/actions";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formatExplanation } from "@/lib/rules/explain";
import type { PreviewSide } from "@/lib/rules/admin/preview-order";
import type { RuleKind } from "@/lib/rules/schema";
import { localToInstant } from "./local-time";
import { fromInput } from "./paths";

export interface TierOption {
  code: string;
  label: string;
}

interface Line {
  sku: string;
  category: string;
  quantity: string;
  price: string;
  discount: string;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

const cents = (s: string) => {
  const v = fromInput("money", s, false);
  return typeof v === "number" ? v : NaN;
};

export function PreviewPanel({
  ruleKey,
  kind,
  definition,
  tiers,
  timeZone,
  nowLocal,
  inForceVersion,
}: {
  ruleKey: string;
  kind: RuleKind;
  definition: unknown;
  tiers: TierOption[];
  timeZone: string;
  nowLocal: string;
  inForceVersion: number | null;
}) {
  const t = useTranslations("rules.preview");
  const locale = useLocale() as "en" | "zh-CN";
  const [lines, setLines] = useState<Line[]>([{ sku: "TEA-01", category: "tea", quantity: "2", price: "50.00", discount: "0" }]);
  const [shipping, setShipping] = useState("0");
  const [pointsRedeemed, setPointsRedeemed] = useState("0");
  const tierChoices = kind === "tiers" ? (tiersOf(definition, locale) ?? tiers) : tiers;
  const [tierCode, setTierCode] = useState(tiers.at(-1)?.code ?? "");
  // Empty: the moment of each preview (a version published a few seconds ago is in force at once).
  const [placedAt, setPlacedAt] = useState("");

  const sample = {
    placedAt: placedAt ? localToInstant(placedAt, timeZone)?.toISOString() : undefined,
    items: lines.map((l) => ({ sku: l.sku.trim(), category: l.category.trim() || null, quantity: Number(l.quantity), unitPriceCents: cents(l.price), discountCents: cents(l.discount || "0") })),
    shippingCents: cents(shipping || "0"),
    pointsRedeemed: Number(pointsRedeemed || "0"),
    tierCode: tierCode || null,
  };
  const input = useDebounced(JSON.stringify({ definition, sample }), 350);
  const query = useQuery({
    queryKey: ["rule-preview", ruleKey, inForceVersion, input],
    queryFn: () => {
      const { definition: d, sample: s } = JSON.parse(input) as { definition: unknown; sample: typeof sample };
      return previewAction(ruleKey, d, s);
    },
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
  const result = query.data;

  const side = (title: string, s: PreviewSide | null, testId: string) => (
    <div className="flex flex-col gap-1 rounded-xl border border-border p-3" data-testid={testId}>
      <h3 className="text-sm font-medium text-muted">{title}</h3>
      {s === null ? (
        <p className="text-sm text-danger">{t("fixDraft")}</p>
      ) : s.ok ? (
        <>
          <p className="tabular text-2xl font-semibold">{t("points", { points: s.points })}</p>
          <p className="text-sm" data-testid={`${testId}-explanation`}>
            {t("wouldEarn", { points: s.points, explanation: formatExplanation(s.explanation, locale).replace(/^[\d,]+ = /, "") })}
          </p>
        </>
      ) : (
        <p className="text-sm text-danger">{t.has(`reject.${s.reason}`) ? t(`reject.${s.reason}`, s.params) : s.message}</p>
      )}
    </div>
  );

  const preview = result && "preview" in result ? result.preview : null;
  const delta = preview?.inForce.ok && preview.draft?.ok ? preview.draft.points - preview.inForce.points : null;

  return (
    <Card aria-labelledby="preview-title">
      <CardTitle id="preview-title" className="mb-1">
        {t("title")}
      </CardTitle>
      <p className="mb-4 text-sm text-muted">{t("intro")}</p>
      <div className="flex flex-col gap-3">
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">{t("lines")}</legend>
          {lines.map((l, i) => {
            const upd = (k: keyof Line) => (e: React.ChangeEvent<HTMLInputElement>) => setLines(lines.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)));
            return (
              <div key={i} className="grid grid-cols-2 items-end gap-2 sm:grid-cols-6">
                <Field id={`pv-sku-${i}`} name={`sku${i}`} label={t("sku")} value={l.sku} onChange={upd("sku")} />
                <Field id={`pv-cat-${i}`} name={`category${i}`} label={t("category")} value={l.category} onChange={upd("category")} />
                <Field id={`pv-qty-${i}`} name={`qty${i}`} label={t("quantity")} inputMode="numeric" value={l.quantity} onChange={upd("quantity")} />
                <Field id={`pv-price-${i}`} name={`price${i}`} label={t("unitPrice")} inputMode="decimal" value={l.price} onChange={upd("price")} />
                <Field id={`pv-disc-${i}`} name={`discount${i}`} label={t("discount")} inputMode="decimal" value={l.discount} onChange={upd("discount")} />
                {lines.length > 1 ? (
                  <Button type="button" variant="ghost" onClick={() => setLines(lines.filter((_, j) => j !== i))}>
                    {t("removeLine", { n: i + 1 })}
                  </Button>
                ) : null}
              </div>
            );
          })}
          {lines.length < 5 ? (
            <div>
              <Button type="button" variant="secondary" onClick={() => setLines([...lines, { sku: "", category: "", quantity: "1", price: "0", discount: "0" }])}>
                {t("addLine")}
              </Button>
            </div>
          ) : null}
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Field id="pv-shipping" name="shipping" label={t("shipping")} inputMode="decimal" value={shipping} onChange={(e) => setShipping(e.target.value)} />
          <Field id="pv-points" name="pointsRedeemed" label={t("pointsRedeemed")} inputMode="numeric" value={pointsRedeemed} onChange={(e) => setPointsRedeemed(e.target.value)} />
          <div className="flex flex-col gap-1">
            <label htmlFor="pv-tier" className="text-sm font-medium">
              {t("tier")}
            </label>
            <select id="pv-tier" value={tierCode} onChange={(e) => setTierCode(e.target.value)} className="min-h-11 rounded-lg border border-border bg-surface px-3 text-base text-fg">
              <option value="">{t("noTier")}</option>
              {tierChoices.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <Field id="pv-placed" name="placedAt" label={t("placedAt")} type="datetime-local" value={placedAt} max="9999-12-31T23:59" placeholder={nowLocal} hint={t("placedAtHint")} onChange={(e) => setPlacedAt(e.target.value)} />
        </div>
      </div>

      <div className="mt-4" aria-live="polite" aria-busy={query.isFetching}>
        {result && "failure" in result ? (
          <p className="text-sm text-danger">{t("invalidSample")}</p>
        ) : preview ? (
          <>
            <div className="grid gap-3 sm:grid-cols-2">
              {side(inForceVersion ? t("inForce", { version: inForceVersion }) : t("inForceNone"), preview.inForce, "preview-in-force")}
              {side(t("draft"), preview.draft, "preview-draft")}
            </div>
            {delta !== null ? (
              <p className="mt-2 text-sm" data-testid="preview-delta">
                {delta === 0 ? t("same") : t("delta", { delta: `${delta > 0 ? "+" : "−"}${Math.abs(delta)}` })}
              </p>
            ) : null}
            {kind === "distribution" || kind === "action" ? <p className="mt-2 text-xs text-muted">{t(`note.${kind}`)}</p> : null}
          </>
        ) : (
          <p className="text-sm text-muted">{t("loading")}</p>
        )}
      </div>
    </Card>
  );
}

/** The draft's own tiers, when editing the tiers rule (a new tier can be tried before it exists). */
function tiersOf(definition: unknown, locale: string): TierOption[] | null {
  const list = (definition as { tiers?: unknown })?.tiers;
  if (!Array.isArray(list)) return null;
  return list
    .filter((x): x is { code: string; name?: Record<string, unknown> } => typeof x?.code === "string")
    .map((x) => ({ code: x.code, label: typeof x.name?.[locale] === "string" && x.name[locale] ? String(x.name[locale]) : x.code }));
}
