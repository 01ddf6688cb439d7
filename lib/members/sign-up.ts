import { eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { members, users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { now } from "@/lib/clock";
import { referAtSignup } from "@/lib/distribution/referral-attribution";
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

/**
 * Creates a member account. A member the shop created through the API (same email, no password
 * yet) is claimed rather than duplicated. An email that already has a password is taken.
 */
export async function signUp(input: SignUpInput, ex: Executor = db): Promise<{ userId: string }> {
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
      await tx.insert(members).values({ id: userId, createdAt: t }).onConflictDoNothing();
    } else {
      userId = newId();
      await tx.insert(users).values({ id: userId, email: input.email, name: input.name, passwordHash, roles: ["member"], createdAt: t, updatedAt: t });
      await tx.insert(members).values({ id: userId, createdAt: t });
    }
    if (input.referralCode) await referAtSignup(tx, userId, input.referralCode, { source: input.referralSource ?? "code", actor: `user:${userId}` });
    // The welcome bonus (action rule "signup"; capped once per member, so a claim pays nothing twice).
    await recordEvent({ memberId: userId, type: "signup" }, { actor: `user:${userId}`, ex: tx });
    await becomeDistributorNow(userId, { ex: tx });
    return { userId };
  });
}
