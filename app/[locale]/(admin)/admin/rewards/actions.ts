"use server";

// The catalogue's server actions: each checks the permission, hands the form to one use case in
// lib/mall/admin and maps a refusal to message keys. No rules here. Every change that succeeded
// marks the members' cached catalogue pages stale (catalogueChanged).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { errorKeys } from "@/components/admin-mall/error-keys";
import { requireAction } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { addReward } from "@/lib/mall/admin/add-reward";
import { catalogueChanged } from "@/lib/mall/catalogue-cache";
import { adjustStock } from "@/lib/mall/admin/adjust-stock";
import { importCouponCodes, type CouponImportReport } from "@/lib/mall/admin/import-coupon-codes";
import { localInputToIso } from "@/lib/mall/admin/local-time";
import { formValuesFromForm, REWARD_FORM_FIELDS, rewardInputFromForm, type RewardFormValues } from "@/lib/mall/admin/reward-form";
import { scheduleReward } from "@/lib/mall/admin/schedule-reward";
import { setRewardActive } from "@/lib/mall/admin/set-reward-active";
import { setRewardImage } from "@/lib/mall/admin/set-reward-image";
import { checkImage } from "@/lib/mall/admin/store-image";
import { updateReward } from "@/lib/mall/admin/update-reward";

export interface FormState {
  errors?: Record<string, string>;
  /** A message key for the success note. */
  done?: string;
  /** What was typed, so a refused form comes back filled in. */
  values?: Record<string, string>;
}

export interface RewardFormState extends Omit<FormState, "values"> {
  values?: RewardFormValues;
}

const REWARD_FIELDS = [...REWARD_FORM_FIELDS, "image"] as const;
const id = (form: FormData) => String(form.get("id") ?? "");
const file = (form: FormData, name: string) => {
  const f = form.get(name);
  return f instanceof File && f.size > 0 ? f : null;
};

const refused = (e: unknown, fields: readonly string[]) => ({ errors: errorKeys(e, fields) });

/** Creates a reward; an image chosen on the form is checked first and stored once the reward exists. */
export async function createRewardAction(_prev: RewardFormState, form: FormData): Promise<RewardFormState> {
  const staff = await requireAction("admin:catalogue");
  const image = file(form, "image");
  let rewardId: string;
  try {
    const bytes = image ? new Uint8Array(await image.arrayBuffer()) : null;
    if (bytes) checkImage(bytes);
    const reward = await addReward(rewardInputFromForm(form, env.DEPLOYMENT_TZ), staff);
    rewardId = reward.id;
    if (bytes) await setRewardImage(reward.id, bytes, staff);
  } catch (e) {
    return { ...refused(e, REWARD_FIELDS), values: formValuesFromForm(form) };
  }
  catalogueChanged();
  revalidatePath("/admin/rewards");
  redirect(`/admin/rewards/${rewardId}?created=1`);
}

export async function updateRewardAction(_prev: RewardFormState, form: FormData): Promise<RewardFormState> {
  const staff = await requireAction("admin:catalogue");
  const rewardId = id(form);
  const image = file(form, "image");
  try {
    const bytes = image ? new Uint8Array(await image.arrayBuffer()) : null;
    if (bytes) checkImage(bytes);
    await updateReward(rewardId, rewardInputFromForm(form, env.DEPLOYMENT_TZ), staff);
    if (bytes) await setRewardImage(rewardId, bytes, staff);
  } catch (e) {
    return { ...refused(e, REWARD_FIELDS), values: formValuesFromForm(form) };
  }
  catalogueChanged();
  revalidatePath("/admin/rewards");
  revalidatePath(`/admin/rewards/${rewardId}`);
  redirect(`/admin/rewards/${rewardId}?saved=1`);
}

export async function setActiveAction(_prev: FormState, form: FormData): Promise<FormState> {
  const staff = await requireAction("admin:catalogue");
  const active = form.get("active") === "true";
  try {
    await setRewardActive(id(form), active, staff);
  } catch (e) {
    return refused(e, []);
  }
  catalogueChanged();
  revalidatePath(`/admin/rewards/${id(form)}`);
  revalidatePath("/admin/rewards");
  return { done: active ? "adminMall.reward.activated" : "adminMall.reward.deactivated" };
}

export async function scheduleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const staff = await requireAction("admin:catalogue");
  const at = (k: string) => localInputToIso(String(form.get(k) ?? ""), env.DEPLOYMENT_TZ);
  try {
    await scheduleReward(id(form), { startsAt: at("startsAt"), endsAt: at("endsAt") }, staff);
  } catch (e) {
    return refused(e, ["startsAt", "endsAt"]);
  }
  catalogueChanged();
  revalidatePath(`/admin/rewards/${id(form)}`);
  return { done: "adminMall.schedule.saved" };
}

export async function uploadImageAction(_prev: FormState, form: FormData): Promise<FormState> {
  const staff = await requireAction("admin:catalogue");
  const image = file(form, "image");
  if (!image) return { errors: { image: "adminMall.errors.noFile" } };
  try {
    await setRewardImage(id(form), new Uint8Array(await image.arrayBuffer()), staff);
  } catch (e) {
    return refused(e, ["image"]);
  }
  catalogueChanged();
  revalidatePath(`/admin/rewards/${id(form)}`);
  revalidatePath("/admin/rewards");
  return { done: "adminMall.image.saved" };
}

export async function adjustStockAction(_prev: FormState, form: FormData): Promise<FormState> {
  const staff = await requireAction("admin:catalogue");
  const mode = String(form.get("mode") ?? "delta");
  const int = (k: string) => {
    const v = String(form.get(k) ?? "").trim().replace(/^\+/, "");
    return /^-?\d+$/.test(v) ? Number(v) : Number.NaN;
  };
  const input = mode === "delta" ? { mode, delta: int("delta"), reason: form.get("reason") } : mode === "limit" ? { mode, stock: int("stock"), reason: form.get("reason") } : { mode, reason: form.get("reason") };
  try {
    await adjustStock(id(form), input, staff);
  } catch (e) {
    return { ...refused(e, ["mode", "delta", "stock", "reason"]), values: { delta: String(form.get("delta") ?? ""), stock: String(form.get("stock") ?? ""), reason: String(form.get("reason") ?? "") } };
  }
  catalogueChanged();
  revalidatePath(`/admin/rewards/${id(form)}`);
  return { done: "adminMall.stock.adjusted" };
}

export interface CodesState extends FormState {
  report?: CouponImportReport;
}

export async function importCodesAction(_prev: CodesState, form: FormData): Promise<CodesState> {
  const staff = await requireAction("admin:catalogue");
  const upload = file(form, "file");
  const text = upload ? await upload.text() : String(form.get("codes") ?? "");
  try {
    const report = await importCouponCodes(id(form), text, staff);
    catalogueChanged();
    revalidatePath(`/admin/rewards/${id(form)}`);
    return { report };
  } catch (e) {
    return refused(e, ["codes"]);
  }
}
