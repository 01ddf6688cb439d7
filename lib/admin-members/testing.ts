// Test fixtures for the admin member console: members and admins written straight to the database.
import { db } from "@/db/client";
import { distributors, members, users, type Role } from "@/db/schema";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { credit } from "@/lib/points/ledger";

export async function testMember(opts: { name?: string; email?: string; phone?: string | null; code?: string; points?: number; tierCode?: string; createdAt?: Date } = {}): Promise<string> {
  const id = newId();
  const at = opts.createdAt ?? now();
  await db.insert(users).values({ id, email: opts.email ?? `${id}@members.test`, name: opts.name ?? "", createdAt: at, updatedAt: at });
  await db.insert(members).values({ id, phone: opts.phone ?? null, tierCode: opts.tierCode ?? "regular", createdAt: at });
  if (opts.code) await db.insert(distributors).values({ memberId: id, code: opts.code, createdAt: at });
  if (opts.points) {
    await db.transaction((tx) => credit(tx, { memberId: id, points: opts.points!, type: "earn", reason: "test", actor: "test", availableAt: at, expiresAt: null }));
  }
  return id;
}

export async function testAdmin(email = `${newId()}@admins.test`, roles: Role[] = ["admin"]) {
  const id = newId();
  const at = now();
  await db.insert(users).values({ id, email, name: "Admin", roles, createdAt: at, updatedAt: at });
  return { userId: id, email };
}
