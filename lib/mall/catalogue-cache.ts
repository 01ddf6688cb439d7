// When the catalogue's cached pages are rendered again. They live under one layout
// (app/[locale]/(catalogue)); a change an admin makes (a reward created or edited, activated or
// deactivated, rescheduled, restocked, a picture or a coupon pool) marks all of them stale, so the
// next visit to each page renders it afresh. What changes by itself — stock taken by redemptions,
// a window opening or closing — is bounded by the layout's 60 s revalidation and worked out in the
// browser (the redemption itself always checks the database). Called from server actions and route
// handlers only (Next allows revalidation nowhere else).
import { revalidatePath } from "next/cache";

/** The route (file structure, not the address: proxy.ts rewrites /mall there) holding every cached catalogue page. */
export const CATALOGUE_LAYOUT = "/[locale]/(catalogue)";

/** Marks every cached catalogue page (home, categories, rewards, both languages) for rendering again. */
export function catalogueChanged(): void {
  revalidatePath(CATALOGUE_LAYOUT, "layout");
}
