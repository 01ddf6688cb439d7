"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { cookies, headers } from "next/headers";
import { signIn } from "@/lib/auth";
import { clientIp } from "@/lib/auth/credentials";
import { DEVICE_COOKIE } from "@/lib/distribution/device-cookie";
import { deviceHash, signupIpHash } from "@/lib/distribution/fingerprint";
import { decodeReferralCookie, REFERRAL_COOKIE } from "@/lib/distribution/referral-cookie";
import { refusalKeys } from "@/lib/actions/action-result";
import { signUp, signUpSchema } from "@/lib/members/sign-up";
import { formErrors } from "@/lib/validation";

export interface FormState {
  /** Message keys (messages/*.json), per field or "form". */
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

/** Only same-site paths: `next` must never send a signed-in user to another origin. */
function safeNext(v: FormDataEntryValue | null): string {
  const s = typeof v === "string" ? v : "";
  return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/\\") ? s : "/";
}

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", { email, password: String(form.get("password") ?? ""), redirectTo: safeNext(form.get("next")) });
    return {};
  } catch (e) {
    if (e instanceof AuthError) {
      const rateLimited = e instanceof CredentialsSignin && e.code === "rate-limited";
      // Wrong password and unknown email get the same message.
      return { errors: { form: rateLimited ? "auth.errors.rateLimited" : "auth.errors.invalid" }, values: { email } };
    }
    throw e; // the redirect after a successful sign-in
  }
}

export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  const raw = Object.fromEntries(["email", "password", "name", "referralCode"].map((k) => [k, String(form.get(k) ?? "")]));
  const values = { email: raw.email!, name: raw.name!, referralCode: raw.referralCode! };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { errors: formErrors(parsed.error.issues), values };
  // The code the visitor's /r/<code> cookie carries counts as arriving through the link.
  const jar = await cookies();
  const linked = decodeReferralCookie(jar.get(REFERRAL_COOKIE)?.value);
  const referralSource = parsed.data.referralCode && parsed.data.referralCode === linked ? "link" : "code";
  // Risk signals compare these between a buyer and their upline: hashed here, never stored raw.
  const origin = { ipHash: signupIpHash(clientIp(await headers())), deviceHash: deviceHash(jar.get(DEVICE_COOKIE)?.value) };
  try {
    await signUp({ ...parsed.data, referralSource }, undefined, origin);
  } catch (e) {
    return { errors: refusalKeys(e), values };
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/" });
  return {};
}
