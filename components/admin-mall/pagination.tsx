import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Previous / next page links that keep the current filters (a server component). */
export async function Pagination({ path, params, page, pages, total }: { path: string; params: Record<string, string | undefined>; page: number; pages: number; total: number }) {
  const t = await getTranslations("adminMall.pagination");
  const href = (p: number) => {
    const q = new URLSearchParams(Object.entries({ ...params, page: p > 1 ? String(p) : undefined }).filter((e): e is [string, string] => Boolean(e[1])));
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  const link = "inline-flex min-h-11 items-center rounded-lg border border-border px-3 text-sm hover:bg-surface-2";
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted" aria-live="polite">
        {t("summary", { page, pages, total })}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className={link} href={href(page - 1)} rel="prev">
            {t("previous")}
          </Link>
        ) : null}
        {page < pages ? (
          <Link className={link} href={href(page + 1)} rel="next">
            {t("next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
