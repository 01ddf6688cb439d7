"use client";

import Link from "next/link";
import { useMallMe } from "@/components/mall/personal";
import { AreaLinks } from "./area-links";

// The personal bits of the member shell on a cached page, filled in from /api/mall/me.

export function MemberAreaLinks({ variant }: { variant: "wide" | "narrow" }) {
  const { me } = useMallMe();
  return me ? <AreaLinks areas={me.shell.areas} current="member" variant={variant} /> : null;
}

export function AccountName() {
  const { me } = useMallMe();
  return me ? (
    <Link href="/account" className="hidden max-w-40 truncate rounded-lg px-2 py-2 text-sm text-muted hover:bg-surface-2 sm:block">
      {me.shell.name}
    </Link>
  ) : null;
}
