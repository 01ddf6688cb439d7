import Form from "next/form";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { MAX_QUERY } from "./listing-params";

/** Search by name in either language: a GET form to /mall/search (client navigation with JS, a plain request without). */
export function SearchForm({ q = "" }: { q?: string }) {
  const t = useTranslations("mall.search");
  return (
    <Form action="/mall/search" role="search" aria-label={t("label")} className="flex gap-2">
      <label htmlFor="mall-q" className="sr-only">
        {t("label")}
      </label>
      <input
        id="mall-q"
        name="q"
        type="search"
        defaultValue={q}
        maxLength={MAX_QUERY}
        placeholder={t("placeholder")}
        enterKeyHint="search"
        className="min-h-11 min-w-0 flex-1 rounded-lg border border-border bg-surface px-3 text-base text-fg placeholder:text-muted"
      />
      <button type="submit" className={buttonClass("secondary", "shrink-0")}>
        {t("submit")}
      </button>
    </Form>
  );
}
