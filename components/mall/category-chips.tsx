import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

/** The catalogue's categories in a fixed order (any other category follows alphabetically). */
export const CATEGORY_ORDER = ["drinks", "home", "digital", "coupons", "privileges", "charity", "general"];

export function sortCategories<T extends { category: string }>(list: T[]): T[] {
  const rank = (c: string) => (CATEGORY_ORDER.includes(c) ? CATEGORY_ORDER.indexOf(c) : CATEGORY_ORDER.length);
  return [...list].sort((a, b) => rank(a.category) - rank(b.category) || a.category.localeCompare(b.category));
}

/** A category's name in the reader's language; a category the messages don't know shows its slug. */
export function useCategoryLabel() {
  const t = useTranslations("mall.categories");
  return (slug: string) => (t.has(slug) ? t(slug) : slug);
}

export function CategoryChips({ categories, current }: { categories: { category: string; count: number }[]; current?: string }) {
  const t = useTranslations("mall");
  const label = useCategoryLabel();
  return (
    <nav aria-label={t("categoriesLabel")}>
      <ul className="relative -mx-3 flex gap-2 overflow-x-auto px-3 pb-1 sm:mx-0 sm:flex-wrap sm:px-0">
        <li className="shrink-0">
          <Link href="/mall/search" className="inline-flex min-h-10 items-center rounded-full border border-border bg-surface px-3.5 text-sm hover:bg-surface-2">
            {t("allRewards")}
          </Link>
        </li>
        {sortCategories(categories).map((c) => {
          const active = c.category === current;
          return (
            <li key={c.category} className="shrink-0">
              <Link
                href={`/mall/c/${c.category}`}
                prefetch={false} // a cached page each: fetched on the tap, not for every chip in view
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex min-h-10 items-center gap-1.5 rounded-full border px-3.5 text-sm",
                  active ? "border-brand bg-brand-soft font-semibold text-brand" : "border-border bg-surface hover:bg-surface-2",
                )}
                data-testid={`category-${c.category}`}
              >
                {label(c.category)}
                <span className="tabular text-xs text-muted">{c.count}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
