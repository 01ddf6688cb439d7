"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { scheduleAction, setActiveAction, uploadImageAction, type FormState } from "@/app/[locale]/(admin)/admin/rewards/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ImageInput } from "./image-input";

function Outcome({ state }: { state: FormState }) {
  const tr = useTranslations();
  if (state.errors?.form) return <Alert tone="error">{tr(state.errors.form)}</Alert>;
  return state.done ? <Alert tone="success">{tr(state.done)}</Alert> : null;
}

/** Offer or withdraw the reward (one button: the opposite of what it is now). */
export function ActiveToggle({ rewardId, active }: { rewardId: string; active: boolean }) {
  const t = useTranslations("adminMall");
  const tr = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(setActiveAction, {});
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="id" value={rewardId} />
      <input type="hidden" name="active" value={String(!active)} />
      <div>
        <Button type="submit" variant={active ? "danger" : "primary"} disabled={pending}>
          {pending ? tr("common.working") : active ? t("reward.deactivate") : t("reward.activate")}
        </Button>
      </div>
      <Outcome state={state} />
    </form>
  );
}

/** The offer window (deployment wall clock); empty ends mean "from now" / "open-ended". */
export function ScheduleForm({ rewardId, startsAt, endsAt, timeZone }: { rewardId: string; startsAt: string; endsAt: string; timeZone: string }) {
  const t = useTranslations("adminMall");
  const tr = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(scheduleAction, {});
  const err = (k: string) => (state.errors?.[k] ? tr(state.errors[k]) : undefined);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="id" value={rewardId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="schedule-starts" label={t("fields.startsAt")} name="startsAt" type="datetime-local" defaultValue={startsAt} error={err("startsAt")} hint={t("hints.timeZone", { zone: timeZone })} />
        <Field id="schedule-ends" label={t("fields.endsAt")} name="endsAt" type="datetime-local" defaultValue={endsAt} error={err("endsAt")} hint={t("hints.timeZone", { zone: timeZone })} />
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? tr("common.working") : t("schedule.save")}
        </Button>
      </div>
      <Outcome state={state} />
    </form>
  );
}

/** Replace the reward's picture with an upload. */
export function ImageUploadForm({ rewardId, maxBytes }: { rewardId: string; maxBytes: number }) {
  const t = useTranslations("adminMall");
  const tr = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(uploadImageAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="id" value={rewardId} />
      <ImageInput label={t("fields.image")} maxBytes={maxBytes} error={state.errors?.image ? tr(state.errors.image) : undefined} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("image.uploading") : t("image.upload")}
        </Button>
      </div>
      <Outcome state={state} />
    </form>
  );
}
