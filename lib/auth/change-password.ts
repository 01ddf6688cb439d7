import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { passwordField } from "@/lib/validation";
import { hashPassword, verifyPassword } from "./password";

export const changePasswordSchema = z
  .object({ current: z.string().min(1, { error: "validation.required" }), next: passwordField, confirm: z.string() })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], error: "validation.passwordMismatch" });

export async function changePassword(userId: string, input: z.infer<typeof changePasswordSchema>): Promise<void> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.current))) {
    throw new DomainError("invalid-request", "current password is wrong", { errors: [{ path: "current", message: "validation.currentPasswordWrong" }] });
  }
  await db.update(users).set({ passwordHash: await hashPassword(input.next), updatedAt: now() }).where(eq(users.id, userId));
}
