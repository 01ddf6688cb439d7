import type { Role } from "@/db/schema";

// The whole role → permission table, in one place. Pages, actions and routes ask `can(roles, p)`.
export const PERMISSIONS = {
  "account:self": ["member", "distributor", "admin", "operator", "finance"],
  "member:use": ["member"],
  "distributor:use": ["distributor"],
  "admin:view": ["admin", "operator", "finance"],
  "admin:members": ["admin"],
  "admin:rules": ["admin"],
  "admin:analytics": ["admin"],
  "admin:audit": ["admin"],
  "admin:api-keys": ["admin"],
  "admin:admins": ["admin"],
  "admin:orders": ["admin"],
  "admin:catalogue": ["admin", "operator"],
  "admin:fulfilment": ["admin", "operator"],
  "admin:withdrawals": ["admin", "finance"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}

export const ADMIN_ROLES: readonly Role[] = ["admin", "operator", "finance"];
export const isStaff = (roles: readonly Role[]) => roles.some((r) => ADMIN_ROLES.includes(r));
