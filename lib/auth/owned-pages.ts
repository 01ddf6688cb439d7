// Pages whose URL names something a member owns (a redemption, an address). Their page answers
// "not found" for anyone else's — but a page renders inside its area's loading boundary, so by the
// time the page decides, the response has started streaming with status 200 and the not-found
// content arrives inside it. The area's layout runs before anything streams (as it does for the
// permission check), so it asks here first and the status is a real 404. The page still checks
// itself (its query is scoped by the member), so this is the status code, not the protection.
import { notFound } from "next/navigation";
import { z } from "zod";
import { getAddress } from "@/lib/mall/addresses";
import { isOwnRedemption } from "@/lib/mall/member-redemptions";

interface OwnedPage {
  /** The page's path, capturing the id it names. */
  pattern: RegExp;
  owns(memberId: string, id: string): Promise<boolean>;
}

export const OWNED_PAGES: readonly OwnedPage[] = [
  { pattern: /^\/redemptions\/([^/]+)$/, owns: isOwnRedemption },
  { pattern: /^\/account\/addresses\/([^/]+)\/edit$/, owns: async (memberId, id) => Boolean(await getAddress(memberId, id)) },
];

/** Which owned page `path` is and the id it names, or null for any other path. */
export function ownedPageOf(path: string): { page: OwnedPage; id: string } | null {
  for (const page of OWNED_PAGES) {
    const m = page.pattern.exec(path);
    if (m) return { page, id: decodeURIComponent(m[1]!) };
  }
  return null;
}

/** 404 (before streaming) when `path` names something that is not this member's. */
export async function notFoundUnlessOwned(path: string, memberId: string): Promise<void> {
  const owned = ownedPageOf(path);
  if (!owned) return;
  if (!z.guid().safeParse(owned.id).success || !(await owned.page.owns(memberId, owned.id))) notFound();
}
