"use client";

// The member console's forms (server actions with useActionState): adjust points, decide a pending
// adjustment, freeze/unfreeze, tier override. Errors come back as message keys, shown by the field.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { adjustPointsAction, decideAdjustmentAction, freezeAction, tierOverrideAction, type MemberFormState } from "@/app/[locale]/(admin)/admin/members/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

function Outcome({ state }: { state: MemberFormState }) {
  const t = useTranslations();
  if (state.errors?.form) return <Alert tone="error">{t(state.errors.form)}</Alert>;
  if (state.done) return <Alert tone="success">{t(state.done)}</Alert>;
  return null;
}

export function AdjustForm({ memberId, approvalAbove }: { memberId: string; approvalAbove: number }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<MemberFormState, FormData>(adjustPointsAction, {});
  const err = (k: string) => (state.errors?.[k] ? t(state.errors[k]) : undefined);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate aria-label={t("adminMembers.adjust.title")}>
      <input type="hidden" name="memberId" value={memberId} />
      <Field label={t("adminMembers.adjust.points")} name="points" id="adjust-points" type="number" inputMode="numeric" step={1} required hint={t("adminMembers.adjust.pointsHint", { limit: approvalAbove })} error={err("points")} />
      <Field label={t("adminMembers.adjust.reason")} name="reason" id="adjust-reason" required maxLength={300} error={err("reason")} />
      <Outcome state={state} />
      <SubmitButton pending={pending}>{t("adminMembers.adjust.submit")}</SubmitButton>
    </form>
  );
}

export function DecideForm({ id, label }: { id: string; label: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<MemberFormState, FormData>(decideAdjustmentAction, {});
  return (
    <form action={action} className="flex flex-col gap-2" aria-label={label}>
      <input type="hidden" name="id" value={id} />
      <Field label={t("adminMembers.approvals.note")} name="note" id={`note-${id}`} maxLength={300} />
      <Outcome state={state} />
      <div className="flex gap-2">
        <Button type="submit" name="decision" value="approve" disabled={pending}>
          {t("adminMembers.approvals.approve")}
        </Button>
        <Button type="submit" name="decision" value="reject" variant="secondary" disabled={pending}>
          {t("adminMembers.approvals.reject")}
        </Button>
      </div>
    </form>
  );
}

export function FreezeForm({ memberId, frozen }: { memberId: string; frozen: boolean }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<MemberFormState, FormData>(freezeAction, {});
  return (
    <form action={action} className="flex flex-col gap-3" noValidate aria-label={t(frozen ? "adminMembers.freeze.unfreeze" : "adminMembers.freeze.freeze")}>
      <input type="hidden" name="memberId" value={memberId} />
      <input type="hidden" name="freeze" value={frozen ? "unfreeze" : "freeze"} />
      <Field label={t("adminMembers.freeze.reason")} name="reason" id="freeze-reason" required maxLength={300} error={state.errors?.reason ? t(state.errors.reason) : undefined} />
      <Outcome state={state} />
      <div>
        <Button type="submit" variant={frozen ? "secondary" : "danger"} disabled={pending}>
          {t(frozen ? "adminMembers.freeze.unfreeze" : "adminMembers.freeze.freeze")}
        </Button>
      </div>
    </form>
  );
}

export function TierOverrideForm({ memberId, tiers, hasOverride }: { memberId: string; tiers: { code: string; name: string }[]; hasOverride: boolean }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<MemberFormState, FormData>(tierOverrideAction, {});
  const err = (k: string) => (state.errors?.[k] ? t(state.errors[k]) : undefined);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate aria-label={t("adminMembers.tier.override")}>
      <input type="hidden" name="memberId" value={memberId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField id="override-tier" name="tierCode" label={t("adminMembers.tier.tier")} options={tiers.map((x) => ({ value: x.code, label: x.name }))} />
        <Field label={t("adminMembers.tier.until")} name="until" id="override-until" type="date" hint={t("adminMembers.tier.untilHint")} error={err("until")} />
      </div>
      <Field label={t("adminMembers.tier.reason")} name="reason" id="override-reason" required maxLength={300} error={err("reason")} />
      <Outcome state={state} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="op" value="set" disabled={pending}>
          {t("adminMembers.tier.setOverride")}
        </Button>
        {hasOverride ? (
          <Button type="submit" name="op" value="clear" variant="secondary" disabled={pending}>
            {t("adminMembers.tier.clearOverride")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
