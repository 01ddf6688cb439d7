// The admin side of a member's birthday (lib/members/birthday.ts has the member's side): a
// correction with a reason, in the audit log. Kept apart so the member's account actions do not
// import the member console's messages.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { members } from "@/db/schema";
import { audit, type AuditActor } from "@/lib/admin/audit";
import { DomainError } from "@/lib/errors";

export const correctBirthdaySchema = z.object({
  memberId: z.uuid(),
  reason: z.string().trim().min(3, { error: "adminMembers.errors.reason" }).max(300, { error: "adminMembers.errors.reason" }),
});

/** An admin corrects (or clears, with null) a member's birthday. */
export async function correctBirthday(memberId: string, birthday: string | null, reason: string, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const [m] = await tx.select({ birthday: members.birthday }).from(members).where(eq(members.id, memberId)).for("update");
    if (!m) throw new DomainError("not-found", `no member ${memberId}`);
    if (m.birthday === birthday) return;
    await tx.update(members).set({ birthday }).where(eq(members.id, memberId));
    await audit(tx, actor, { action: "member.birthday.correct", targetType: "member", targetId: memberId, before: { birthday: m.birthday }, after: { birthday, reason } });
  });
}
