import { eq } from "drizzle-orm";
import { randomInt } from "node:crypto";
import { db, type Executor } from "@/db/client";
import { distributors, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";

// No 0/O, 1/I/L: codes are read aloud and typed from posters.
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function randomReferralCode(length = 6): string {
  return Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/**
 * Makes a member a distributor (idempotent: an existing distributor is returned unchanged).
 * A `code` may be given (demo data, imports); otherwise a fresh one is drawn, retrying on collision.
 */
export async function makeDistributor(
  memberId: string,
  { level = "junior", code }: { level?: string; code?: string } = {},
  ex: Executor = db,
): Promise<{ code: string; level: string; created: boolean }> {
  return ex.transaction(async (tx) => {
    const [user] = await tx.select({ roles: users.roles }).from(users).where(eq(users.id, memberId)).for("update");
    if (!user) throw new DomainError("not-found", "member not found");
    const [existing] = await tx.select().from(distributors).where(eq(distributors.memberId, memberId));
    if (existing) return { code: existing.code, level: existing.levelCode, created: false };
    for (let attempt = 0; attempt < 8; attempt++) {
      const candidate = code ?? randomReferralCode();
      const inserted = await tx
        .insert(distributors)
        .values({ memberId, code: candidate, levelCode: level, createdAt: now() })
        .onConflictDoNothing()
        .returning({ code: distributors.code });
      if (inserted.length) {
        if (!user.roles.includes("distributor")) {
          await tx.update(users).set({ roles: [...user.roles, "distributor"], updatedAt: now() }).where(eq(users.id, memberId));
        }
        return { code: candidate, level, created: true };
      }
      if (code) throw new DomainError("duplicate", `referral code ${code} is taken`);
    }
    throw new DomainError("conflict", "could not draw a unique referral code");
  });
}
