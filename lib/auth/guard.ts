import { eq } from "drizzle-orm";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { cache } from "react";
import { db } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { can, type Permission } from "./permissions";
import { sessionUserId } from "./session-user";

export interface UserActor {
  kind: "user";
  userId: string;
  email: string;
  name: string;
  roles: Role[];
}

/**
 * Who is asking, from the session cookie. Roles are re-read from the database on every request
 * (one primary-key lookup) so a revoked role or a disabled account takes effect at once,
 * whatever the signed JWT still says. Cached per request.
 */
export const currentUser = cache(async (): Promise<UserActor | null> => {
  const id = await sessionUserId();
  if (!id) return null;
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, roles: users.roles, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!row || row.disabledAt) return null;
  return { kind: "user", userId: row.id, email: row.email, name: row.name, roles: row.roles };
});

/** The one check: may this actor do this? Throws the one error type. */
export function authorize(actor: UserActor | null, permission: Permission): UserActor {
  if (!actor) throw new DomainError("unauthorized", "sign in first");
  if (!can(actor.roles, permission)) throw new DomainError("forbidden", `missing permission ${permission}`);
  return actor;
}

/** For pages and layouts: anonymous → sign-in (coming back here afterwards); lacking → 403 page. */
export async function requirePage(permission: Permission): Promise<UserActor> {
  const actor = await currentUser();
  try {
    return authorize(actor, permission);
  } catch (e) {
    if (e instanceof DomainError && e.code === "unauthorized") {
      const path = (await headers()).get("x-pathname") ?? "/";
      redirect(`/sign-in?next=${encodeURIComponent(path)}`);
    }
    forbidden();
  }
}

/** For server actions: throws DomainError (unauthorized / forbidden), which the action maps. */
export async function requireAction(permission: Permission): Promise<UserActor> {
  return authorize(await currentUser(), permission);
}
