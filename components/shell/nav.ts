import type { Role } from "@/db/schema";
import { can, type Permission } from "@/lib/auth/permissions";

export type Area = "member" | "distributor" | "admin";

export interface NavItem {
  href: string;
  /** Key under messages `nav.*`. */
  label: string;
  permission: Permission;
  /** A text glyph; keep to ones common fonts have (DejaVu, Noto): "⎙" drew as an empty box. */
  icon: string;
  /** On phones, listed under "More" rather than as a tab (the tab bar holds four). */
  phoneMore?: boolean;
}

// Each area's pages. A later issue adds its pages here; the shell shows what the user may open.
export const NAV: Record<Area, NavItem[]> = {
  member: [
    { href: "/", label: "home", permission: "member:use", icon: "⌂" },
    { href: "/mall", label: "mall", permission: "member:use", icon: "❖" },
    { href: "/history", label: "history", permission: "member:use", icon: "☰" },
    { href: "/how-to-earn", label: "howToEarn", permission: "member:use", icon: "✦" },
    { href: "/account", label: "account", permission: "account:self", icon: "☺" },
  ],
  distributor: [
    { href: "/distributor", label: "distributorHome", permission: "distributor:use", icon: "◎" },
    { href: "/distributor/wallet", label: "wallet", permission: "distributor:use", icon: "¥" },
    { href: "/distributor/share", label: "share", permission: "distributor:use", icon: "⇪" },
    { href: "/distributor/funnel", label: "funnel", permission: "distributor:use", icon: "▽", phoneMore: true },
    { href: "/distributor/team", label: "team", permission: "distributor:use", icon: "⚇" },
    { href: "/distributor/ranking", label: "ranking", permission: "distributor:use", icon: "★", phoneMore: true },
  ],
  admin: [
    { href: "/admin", label: "adminHome", permission: "admin:view", icon: "▦" },
    { href: "/admin/rules", label: "rules", permission: "admin:rules", icon: "⚙" },
    { href: "/admin/members", label: "members", permission: "admin:members", icon: "☺" },
    { href: "/admin/approvals", label: "approvals", permission: "admin:members", icon: "✓" },
    { href: "/admin/orders", label: "orders", permission: "admin:orders", icon: "☰" },
    { href: "/admin/rewards", label: "rewards", permission: "admin:catalogue", icon: "❖" },
    { href: "/admin/fulfilment", label: "fulfilment", permission: "admin:fulfilment", icon: "⇪" },
    { href: "/admin/distributors", label: "distributors", permission: "admin:members", icon: "◎" },
    { href: "/admin/withdrawals", label: "withdrawals", permission: "admin:withdrawals", icon: "¥" },
    { href: "/admin/risk", label: "risk", permission: "admin:members", icon: "⚑" },
    { href: "/admin/analytics", label: "analytics", permission: "admin:analytics", icon: "▤" },
    { href: "/admin/api-keys", label: "apiKeys", permission: "admin:api-keys", icon: "✦" },
    { href: "/admin/admins", label: "admins", permission: "admin:admins", icon: "☷" },
    { href: "/admin/audit", label: "audit", permission: "admin:audit", icon: "✎" },
  ],
};

export const AREA_HOME: Record<Area, { href: string; permission: Permission }> = {
  member: { href: "/", permission: "member:use" },
  distributor: { href: "/distributor", permission: "distributor:use" },
  admin: { href: "/admin", permission: "admin:view" },
};

/** The areas these roles may open (the shell's area switch). */
export function areasOf(roles: readonly Role[]): Area[] {
  return (Object.keys(AREA_HOME) as Area[]).filter((a) => can(roles, AREA_HOME[a].permission));
}

/**
 * The permission a page at `pathname` needs, from the area's longest matching NAV entry (the area
 * home's otherwise). Layouts check it before anything streams, so a user without it gets a real
 * 403 status rather than a 200 whose body says no; each page still checks for itself.
 */
export function pagePermission(area: Area, pathname: string): Permission {
  const path = pathname.split("?")[0]!;
  const match = NAV[area]
    .filter((i) => path === i.href || (i.href !== "/" && path.startsWith(`${i.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return match?.permission ?? AREA_HOME[area].permission;
}

/** Tabs that fit a 375 px phone with readable labels; the rest go under "More". */
export const PHONE_TABS = 4;

/**
 * Pure: which items are phone tabs and which go under "More": everything fits up to five; beyond,
 * four tabs (items not marked `more`, in order) and the rest under "More".
 */
export function splitPhoneNav<T extends { more: boolean }>(items: readonly T[]): { tabs: T[]; rest: T[] } {
  if (items.length <= PHONE_TABS + 1) return { tabs: [...items], rest: [] };
  const tabs = items.filter((i) => !i.more).slice(0, PHONE_TABS);
  return { tabs, rest: items.filter((i) => !tabs.includes(i)) };
}
