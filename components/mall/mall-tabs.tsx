import { useTranslations } from "next-intl";
import { NavLink } from "@/components/shell/nav-link";

const TABS = [
  { href: "/mall", key: "shop" },
  { href: "/redemptions", key: "redemptions" },
  { href: "/coupons", key: "coupons" },
  { href: "/account/addresses", key: "addresses" },
] as const;

/** The mall's own pages: shop, my redemptions, coupon wallet, addresses. */
export function MallTabs() {
  const t = useTranslations("mall.tabs");
  return (
    <nav aria-label={t("label")} className="relative -mx-3 overflow-x-auto px-3 sm:mx-0 sm:px-0">
      <ul className="flex gap-1 border-b border-border">
        {TABS.map((tab) => (
          <li key={tab.href} className="shrink-0">
            <NavLink
              href={tab.href}
              className="-mb-px inline-flex min-h-11 items-center border-b-2 border-transparent px-3 text-sm text-muted hover:text-fg"
              activeClassName="!border-brand font-semibold !text-brand"
            >
              {t(tab.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
