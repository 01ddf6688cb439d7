import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { members, users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { now } from "@/lib/clock";
import { referAtSignup } from "@/lib/distribution/referral-attribution";
import { checkSignupBurst } from "@/lib/distribution/risk";
import { becomeDistributorNow } from "@/lib/distribution/become-distributor";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { recordEvent } from "@/lib/points/record-event";
import { emailField, nameField, passwordField, referralCodeField } from "@/lib/validation";

export const signUpSchema = z.object({
  email: emailField,
  password: passwordField,
  name: nameField,
  referralCode: z.union([z.literal("").transform(() => undefined), referralCodeField]).optional(),
  /** "link" when the code came with the visitor from /r/<code>; typed by hand otherwise. */
  referralSource: z.enum(["link", "code"]).optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

/** Where a sign-up came from, as keyed hashes (lib/distribution/fingerprint.ts): for risk signals only. */
export interface SignupOrigin {
  ipHash?: string | null;
  deviceHash?: string | null;
}

/**
 * Creates a member account. A member the shop created through the API (same email, no password
 * yet) is claimed rather than duplicated. An email that already has a password is taken.
 */
export async function signUp(input: SignUpInput, ex: Executor = db, origin: SignupOrigin = {}): Promise<{ userId: string }> {
  const hashes = { signupIpHash: origin.ipHash ?? null, signupDeviceHash: origin.deviceHash ?? null };
  const passwordHash = await hashPassword(input.password);
  return ex.transaction(async (tx) => {
    const t = now();
    const [existing] = await tx.select().from(users).where(eq(users.email, input.email)).for("update");
    let userId: string;
    if (existing) {
      if (existing.passwordHash) {
        throw new DomainError("duplicate", "email already registered", { errors: [{ path: "email", message: "validation.emailTaken" }] });
      }
      userId = existing.id;
      const roles: Role[] = existing.roles.includes("member") ? existing.roles : [...existing.roles, "member"];
      await tx.update(users).set({ passwordHash, name: existing.name || input.name, roles, updatedAt: t }).where(eq(users.id, userId));
      // A claimed account keeps what it had; one without a browser sign-up gets this one's.
      await tx.insert(members).values({ id: userId, createdAt: t, ...hashes }).onConflictDoUpdate({
        target: members.id,
        set: { signupIpHash: sql`coalesce(${members.signupIpHash}, excluded.signup_ip_hash)`, signupDeviceHash: sql`coalesce(${members.signupDeviceHash}, excluded.signup_device_hash)` },
      });
    } else {
      userId = newId();
      await tx.insert(users).values({ id: userId, email: input.email, name: input.name, passwordHash, roles: ["member"], createdAt: t, updatedAt: t });
      await tx.insert(members).values({ id: userId, createdAt: t, ...hashes });
    }
    if (input.referralCode) {
      const { distributorId } = await referAtSignup(tx, userId, input.referralCode, { source: input.referralSource ?? "code", actor: `user:${userId}` });
      // Many sign-ups through one distributor from one IP in minutes: a risk case on the distributor.
      // At the clock's now, not `t`: the attribution was stamped after `t`, and must count.
      await checkSignupBurst(tx, { memberId: userId, distributorId, ipHash: hashes.signupIpHash });
    }
    // The welcome bonus (action rule "signup"; capped once per member, so a claim pays nothing twice).
    await recordEvent({ memberId: userId, type: "signup" }, { actor: `user:${userId}`, ex: tx });
    await becomeDistributorNow(userId, { ex: tx });
    return { userId };
  });
}
