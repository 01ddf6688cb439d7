"use client";

import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { splitPhoneNav } from "./nav";
import { isCurrent, NavLink, usePublicPathname } from "./nav-link";

export interface PhoneNavItem {
  href: string;
  icon: string;
  label: string;
  /** Listed under "More" rather than as a tab. */
  more: boolean;
}

const tabClass = "flex min-h-14 w-full flex-col items-center justify-center gap-0.5 text-xs text-muted";

/**
 * The phone's bottom tab bar. With more pages than fit, the last tab is "More": a disclosure that
 * opens a sheet above the bar listing the rest (Escape, a tap outside or choosing a page closes it,
 * focus returns to the button). "More" is highlighted while one of its pages is open.
 */
export function PhoneNav({ label, items, more, moreMenu }: { label: string; items: PhoneNavItem[]; more: string; moreMenu: string }) {
  const { tabs, rest } = splitPhoneNav(items);
  const pathname = usePublicPathname();
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  const button = useRef<HTMLButtonElement>(null);
  const sheet = useRef<HTMLDivElement>(null);
  const sheetId = useId();
  // Choosing a page closes the sheet (the path changed since it opened).
  if (open && openedAt !== pathname) setOpen(false);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!sheet.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    sheet.current?.querySelector("a")?.focus();
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  const inRest = rest.some((i) => isCurrent(i.href, pathname));
  return (
    <nav aria-label={label} className="fixed inset-x-0 bottom-0 z-40 border-t border-border bg-surface md:hidden" data-testid="phone-nav">
      {open ? (
        <div ref={sheet} id={sheetId} className="absolute inset-x-0 bottom-full border-t border-border bg-surface shadow-lg" data-testid="phone-nav-more">
          <p className="px-4 pt-3 text-xs font-medium text-muted">{moreMenu}</p>
          <ul className="mx-auto grid max-w-lg grid-cols-2 gap-1 p-2">
            {rest.map((i) => (
              <li key={i.href}>
                <NavLink href={i.href} className="flex min-h-12 items-center gap-3 rounded-lg px-3 text-sm text-fg hover:bg-surface-2" activeClassName="bg-brand-soft font-medium !text-brand">
                  <span aria-hidden className="text-lg leading-none">
                    {i.icon}
                  </span>
                  {i.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="mx-auto flex max-w-lg justify-around">
        {tabs.map((i) => (
          <li key={i.href} className="min-w-0 flex-1">
            <NavLink href={i.href} className={tabClass} activeClassName="font-medium !text-brand">
              <span aria-hidden className="text-lg leading-none">
                {i.icon}
              </span>
              <span className="max-w-full truncate px-1">{i.label}</span>
            </NavLink>
          </li>
        ))}
        {rest.length ? (
          <li className="min-w-0 flex-1">
            <button
              ref={button}
              type="button"
              aria-expanded={open}
              aria-controls={open ? sheetId : undefined}
              onClick={() => {
                setOpenedAt(pathname);
                setOpen((o) => !o);
              }}
              className={cn(tabClass, (open || inRest) && "font-medium !text-brand")}
              data-testid="phone-nav-more-button"
            >
              <span aria-hidden className="text-lg leading-none">
                ⋯
              </span>
              <span className="max-w-full truncate px-1">{more}</span>
            </button>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
