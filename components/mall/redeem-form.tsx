"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { redeemAction, type RedeemState } from "@/app/[locale]/(member)/mall/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { quote, type MemberPosition, type RewardTerms } from "@/lib/mall/pricing";
import type { RewardType } from "@/db/schema";

export interface ConfirmAddress {
  id: string;
  recipient: string;
  phone: string;
  region: string;
  line: string;
  postalCode: string | null;
  isDefault: boolean;
}

/** RewardTerms with its instants as ISO strings (what a server component can hand to the client). */
export type SerialTerms = Omit<RewardTerms, "startsAt" | "endsAt"> & { startsAt: string | null; endsAt: string | null };

/**
 * The confirm step: quantity, what it costs and leaves, where to ship it, and one submit. The
 * summary is quote() — the function the redemption itself runs — so the numbers here are the ones
 * charged. The token (made when the reward page rendered) goes with the form: the redemption's
 * requestKey, so submitting twice redeems once.
 */
export function RedeemForm({
  rewardId,
  token,
  type,
  terms,
  position,
  serverNow,
  initialQuantity,
  maxQuantity,
  addresses,
  discountLabel,
}: {
  rewardId: string;
  token: string;
  type: RewardType;
  terms: SerialTerms;
  position: MemberPosition;
  serverNow: string;
  initialQuantity: number;
  maxQuantity: number;
  addresses: ConfirmAddress[];
  discountLabel: string | null;
}) {
  const t = useTranslations("mall.confirm");
  const format = useFormatter();
  const [state, action, pending] = useActionState<RedeemState, FormData>(redeemAction, {});
  const [quantity, setQuantity] = useState(Math.min(Math.max(1, initialQuantity), maxQuantity));
  // Controlled, so the choice survives React's reset of the form after a refused redemption.
  const [addressId, setAddressId] = useState(addresses.find((a) => a.isDefault)?.id ?? addresses[0]?.id ?? "");
  const q = quote({ ...terms, startsAt: terms.startsAt ? new Date(terms.startsAt) : null, endsAt: terms.endsAt ? new Date(terms.endsAt) : null }, position, quantity, new Date(serverNow));
  const physical = type === "physical";
  const needsAddress = physical && addresses.length === 0;
  const here = `/mall/r/${rewardId}/confirm?t=${token}&qty=${quantity}`;
  const addHref = `/account/addresses/new?next=${encodeURIComponent(here)}`;
  const points = (n: number) => t("points", { count: n });
  const canSubmit = !q.blocker && !needsAddress && !pending;

  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="rewardId" value={rewardId} />
      <input type="hidden" name="token" value={token} />

      <div className="flex flex-col gap-1">
        <label htmlFor="quantity" className="text-sm font-medium">
          {t("quantity")}
        </label>
        <div className="flex items-center gap-2">
          <Button type="button" variant="secondary" className="w-11 px-0 text-lg" aria-label={t("fewer")} aria-controls="quantity" disabled={quantity <= 1} onClick={() => setQuantity((n) => Math.max(1, n - 1))}>
            −
          </Button>
          <input
            id="quantity"
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={maxQuantity}
            value={quantity}
            onChange={(e) => {
              const n = Math.trunc(Number(e.target.value));
              if (Number.isFinite(n)) setQuantity(Math.min(Math.max(1, n), maxQuantity));
            }}
            aria-describedby="quantity-hint"
            aria-invalid={state.field === "quantity" ? true : undefined}
            className="tabular min-h-11 w-20 rounded-lg border border-border bg-surface px-3 text-center text-base text-fg"
            data-testid="quantity"
          />
          <Button type="button" variant="secondary" className="w-11 px-0 text-lg" aria-label={t("more")} aria-controls="quantity" disabled={quantity >= maxQuantity} onClick={() => setQuantity((n) => Math.min(maxQuantity, n + 1))}>
            +
          </Button>
        </div>
        <p id="quantity-hint" className="text-sm text-muted">
          {t("maxHint", { max: maxQuantity })}
        </p>
      </div>

      <dl className="flex flex-col gap-2 rounded-2xl bg-surface-2 p-4 text-sm" aria-live="polite" data-testid="confirm-summary">
        <div className="flex justify-between gap-3">
          <dt className="text-muted">{t("unit")}</dt>
          <dd className="tabular text-right">
            {points(q.unitPoints)}
            {discountLabel && q.discountBps > 0 ? <span className="ml-2 text-xs text-brand">{discountLabel}</span> : null}
          </dd>
        </div>
        <div className="flex justify-between gap-3 text-base font-semibold">
          <dt>{t("total")}</dt>
          <dd className="tabular text-brand" data-testid="confirm-total">
            {points(q.totalPoints)}
          </dd>
        </div>
        <div className="flex justify-between gap-3">
          <dt className="text-muted">{t("balance")}</dt>
          <dd className="tabular">{format.number(position.availablePoints)}</dd>
        </div>
        <div className="flex justify-between gap-3">
          <dt className="text-muted">{t("after")}</dt>
          <dd className={cn("tabular font-semibold", q.balanceAfter < 0 && "text-danger")} data-testid="confirm-after">
            {q.balanceAfter < 0 ? "—" : format.number(q.balanceAfter)}
          </dd>
        </div>
      </dl>
      {q.blocker === "insufficient-points" ? (
        <Alert tone="warn">
          {t("notEnough", { missing: format.number(q.missingPoints) })}{" "}
          <Link href="/how-to-earn" className="font-medium underline">
            {t("earnMore")}
          </Link>
        </Alert>
      ) : null}

      {physical ? (
        <fieldset className="flex flex-col gap-2" aria-describedby={state.field === "addressId" ? "address-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">{t("shipTo")}</legend>
          {addresses.length ? (
            addresses.map((a) => (
              <label key={a.id} className="flex cursor-pointer items-start gap-3 rounded-xl border border-border bg-surface p-3 has-[:checked]:border-brand has-[:checked]:bg-brand-soft">
                <input type="radio" name="addressId" value={a.id} checked={addressId === a.id} onChange={() => setAddressId(a.id)} className="mt-1 h-4 w-4 accent-[var(--c-brand)]" />
                <span className="text-sm">
                  <span className="font-medium">{a.recipient}</span> <span className="text-muted">{a.phone}</span>
                  {a.isDefault ? <span className="ml-2 rounded-full bg-surface-2 px-2 py-0.5 text-xs">{t("default")}</span> : null}
                  <br />
                  {a.region} {a.line}
                  {a.postalCode ? ` ${a.postalCode}` : ""}
                </span>
              </label>
            ))
          ) : (
            <p className="text-sm text-muted">{t("noAddress")}</p>
          )}
          <Link href={addHref} className="self-start text-sm font-medium text-brand underline" data-testid="add-address">
            {t("addAddress")}
          </Link>
          {state.field === "addressId" ? (
            <p id="address-error" className="text-sm text-danger">
              {state.error}
            </p>
          ) : null}
        </fieldset>
      ) : (
        <p className="text-sm text-muted">{t(type === "coupon" ? "instantCoupon" : "instantVirtual")}</p>
      )}

      {state.error && state.field !== "addressId" ? (
        <div data-testid="redeem-error">
          <Alert tone="error">{state.error}</Alert>
        </div>
      ) : null}
      {physical ? <p className="text-xs text-muted">{t("cancelNote")}</p> : null}
      <Button type="submit" disabled={!canSubmit} className="w-full text-base" data-testid="confirm-redeem">
        {pending ? t("submitting") : t("submit", { points: points(q.totalPoints) })}
      </Button>
    </form>
  );
}
