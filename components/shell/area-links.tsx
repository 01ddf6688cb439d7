import Link from "next/link";
import { useTranslations } from "next-intl";
import { AREA_HOME, type Area } from "./nav";

/**
 * The switch between the areas a user may open (member, distributor, admin): beside the brand on
 * wide screens, as a row under the bar on phones. Nothing when there is only one.
 */
export function AreaLinks({ areas, current, variant }: { areas: Area[]; current: Area; variant: "wide" | "narrow" }) {
  const t = useTranslations("shell");
  if (areas.length <= 1) return null;
  const wide = variant === "wide";
  return (
    <nav aria-label={t("areas")} className={wide ? "ml-2 hidden gap-1 sm:flex" : "flex gap-1 overflow-x-auto border-t border-border px-3 py-1 sm:hidden"}>
      {areas.map((a) => (
        <Link
          key={a}
          href={AREA_HOME[a].href}
          aria-current={a === current ? "true" : undefined}
          className={
            wide
              ? `rounded-lg px-3 py-2 text-sm ${a === current ? "bg-brand-soft font-medium text-brand" : "text-muted hover:bg-surface-2"}`
              : `shrink-0 rounded-lg px-3 py-2 text-sm ${a === current ? "bg-brand-soft font-medium text-brand" : "text-muted"}`
          }
        >
          {t(`area.${a}`)}
        </Link>
      ))}
    </nav>
  );
}
