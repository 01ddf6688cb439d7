// A member's birthday (for birthday grants). Private: only the member (their account page) and
// admins (the member console) see it; the Integration API does not return it.
//
// Decision: a member enters it once (a conditional update `where birthday is null`, so two tabs
// cannot both set it) — otherwise a member could move it to collect a birthday gift again. After
// that only an admin can correct it, with a reason; both are in the audit log.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { members } from "@/db/schema";
import { audit, type AuditActor } from "@/lib/admin/audit";
import { DomainError } from "@/lib/errors";

/** A calendar date not in the future and not before 1900 (`today` in the deployment's zone). */
export function birthdaySchema(today: string) {
  return z.iso
    .date({ error: "birthday.errors.date" })
    .refine((d) => d >= "1900-01-01" && d <= today, { error: "birthday.errors.range" });
}

export async function setOwnBirthday(actor: AuditActor, birthday: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [set] = await tx.update(members).set({ birthday }).where(and(eq(members.id, actor.userId), isNull(members.birthday))).returning({ id: members.id });
    if (!set) {
      const [m] = await tx.select({ id: members.id }).from(members).where(eq(members.id, actor.userId));
      if (!m) throw new DomainError("not-found", "not a member");
      throw new DomainError("conflict", "the birthday is already set", { params: { reason: "birthday-set" } });
    }
    await audit(tx, actor, { action: "member.birthday.set", targetType: "member", targetId: actor.userId, before: { birthday: null }, after: { birthday } });
  });
}

/** The member's own birthday (null: not entered, or not a member). */
export async function getBirthday(memberId: string): Promise<string | null> {
  const [m] = await db.select({ birthday: members.birthday }).from(members).where(eq(members.id, memberId));
  return m?.birthday ?? null;
}
