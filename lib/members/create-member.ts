import { eq, or } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { members, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { referAtSignup } from "@/lib/distribution/referral-attribution";
import { becomeDistributorNow } from "@/lib/distribution/become-distributor";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { recordEvent } from "@/lib/points/record-event";
import { emailField } from "@/lib/validation";
import { memberView, type MemberView } from "./member-view";

export const createMemberSchema = z.object({
  email: emailField,
  name: z.string().trim().max(60).optional(),
  externalId: z.string().trim().min(1).max(100).optional(),
  referralCode: z.string().trim().min(1).max(32).optional(),
});
export type CreateMemberInput = z.output<typeof createMemberSchema>;

/**
 * A member created by the shop (no password: they can claim the account by signing up with the
 * same email). The sign-up action rule applies, as for members who sign up themselves.
 */
export async function createMember(input: CreateMemberInput, { actor, ex = db }: { actor: string; ex?: Executor }): Promise<MemberView> {
  try {
    return await ex.transaction(async (tx) => {
      const dup = await tx
        .select({ email: users.email, externalId: members.externalId })
        .from(users)
        .leftJoin(members, eq(members.id, users.id))
        .where(input.externalId ? or(eq(users.email, input.email), eq(members.externalId, input.externalId)) : eq(users.email, input.email));
      if (dup.length) {
        const path = dup.some((d) => d.email === input.email) ? "email" : "externalId";
        throw new DomainError("duplicate", `a member with this ${path} already exists`, { errors: [{ path, message: "already exists" }] });
      }
      const id = newId();
      const t = now();
      await tx.insert(users).values({ id, email: input.email, name: input.name ?? "", roles: ["member"], createdAt: t, updatedAt: t });
      await tx.insert(members).values({ id, externalId: input.externalId ?? null, createdAt: t });
      if (input.referralCode) await referAtSignup(tx, id, input.referralCode, { source: "api", actor });
      await recordEvent({ memberId: id, type: "signup" }, { actor, ex: tx });
      await becomeDistributorNow(id, { ex: tx });
      return memberView(id, tx);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("duplicate", "a member with this email or externalId already exists");
    throw e;
  }
}
