"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { publicPath } from "@/lib/i18n/locales";

/** The current path without the internal locale segment (see publicPath). */
export function usePublicPathname(): string {
  return publicPath(usePathname());
}

/** Whether `href` is the page at `pathname` (an area's home only exactly; other pages with their sub-pages). */
export function isCurrent(href: string, pathname: string): boolean {
  return href === "/" || href === "/admin" || href === "/distributor" ? pathname === href : pathname.startsWith(href);
}

/** A nav link that knows whether it is the current page (aria-current for screen readers). */
export function NavLink({ href, children, className, activeClassName }: { href: string; children: ReactNode; className?: string; activeClassName?: string }) {
  const pathname = usePublicPathname();
  const active = isCurrent(href, pathname);
  return (
    <Link href={href} aria-current={active ? "page" : undefined} className={cn(className, active && activeClassName)}>
      {children}
    </Link>
  );
}
