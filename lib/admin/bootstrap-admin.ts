import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";

/**
 * Makes sure an account with these roles exists for this email (how a real deployment gets its
 * first admin). An existing account gains the roles; a password once set is left alone.
 */
export async function ensureStaffAccount(
  { email, password, name = "Admin", roles = ["admin"], id }: { email: string; password: string; name?: string; roles?: Role[]; id?: string },
  ex: Executor = db,
): Promise<string> {
  const normalised = email.trim().toLowerCase();
  const passwordHash = await hashPassword(password);
  return ex.transaction(async (tx) => {
    const t = now();
    const [existing] = await tx.select().from(users).where(eq(users.email, normalised)).for("update");
    if (existing) {
      const merged = Array.from(new Set([...existing.roles, ...roles]));
      await tx.update(users).set({ roles: merged, passwordHash: existing.passwordHash ?? passwordHash, updatedAt: t }).where(eq(users.id, existing.id));
      return existing.id;
    }
    const userId = id ?? newId();
    await tx.insert(users).values({ id: userId, email: normalised, name, passwordHash, roles, createdAt: t, updatedAt: t });
    return userId;
  });
}
