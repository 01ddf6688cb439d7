import { getLocale, getTranslations } from "next-intl/server";
import { diffDefinitions, type DiffStatus } from "@/lib/rules/admin/diff-definitions";
import { cn } from "@/components/ui/cn";
import { labelKey, pathContext, splitPath } from "./paths";
import { showValue } from "./show-value";

const TONE: Record<DiffStatus, string> = { same: "", changed: "bg-warn-soft", added: "bg-ok-soft", removed: "bg-danger-soft" };

/** Side by side: the version in force on the left, the draft or another version on the right. */
export async function DiffTable({ before, after, beforeTitle, afterTitle, showAll }: { before: unknown; after: unknown; beforeTitle: string; afterTitle: string; showAll: boolean }) {
  const [t, tf, locale] = await Promise.all([getTranslations("rules.diff"), getTranslations("rules.f"), getLocale()]);
  const rows = diffDefinitions(before, after);
  const shown = showAll ? rows : rows.filter((r) => r.status !== "same");
  const words = { yes: t("yes"), no: t("no"), none: t("none") };
  const label = (path: string) => {
    const p = splitPath(path);
    const key = labelKey(p);
    const base = key && tf.has(key) ? tf(key) : path;
    const { indexes, keys } = pathContext(p);
    const ctx = [...indexes.map((i) => `#${i + 1}`), ...keys.map((k) => `“${k}”`)].join(" ");
    return ctx ? `${base} (${ctx})` : base;
  };
  const changed = rows.filter((r) => r.status !== "same").length;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm" data-testid="diff-count">
        {changed === 0 ? t("identical") : t("changedCount", { count: changed })}
      </p>
      {shown.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="diff-table">
            <caption className="sr-only">{t("caption", { before: beforeTitle, after: afterTitle })}</caption>
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-2 pr-3">{t("field")}</th>
                <th scope="col" className="py-2 pr-3">{beforeTitle}</th>
                <th scope="col" className="py-2 pr-3">{afterTitle}</th>
                <th scope="col" className="py-2">{t("change")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => {
                const p = splitPath(r.path);
                return (
                  <tr key={r.path} className={cn("border-t border-border align-top", TONE[r.status])}>
                    <th scope="row" className="py-2 pr-3 font-normal">
                      <span className="block">{label(r.path)}</span>
                      <span className="block font-mono text-xs text-muted">{r.path}</span>
                    </th>
                    <td className="max-w-72 break-all py-2 pr-3">{r.status === "added" ? "—" : showValue(p, r.before, locale, words)}</td>
                    <td className="max-w-72 break-all py-2 pr-3">{r.status === "removed" ? "—" : showValue(p, r.after, locale, words)}</td>
                    <td className="py-2">{t(`status.${r.status}`)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
