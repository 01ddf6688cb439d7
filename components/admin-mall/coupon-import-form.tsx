"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { importCodesAction, type CodesState } from "@/app/(admin)/admin/rewards/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "./fields";
import { FILE_INPUT } from "./image-input";

/** Paste codes (one a line) or choose a CSV whose first column is the code; a report comes back. */
export function CouponImportForm({ rewardId }: { rewardId: string }) {
  const t = useTranslations("adminMall");
  const tr = useTranslations();
  const [state, action, pending] = useActionState<CodesState, FormData>(importCodesAction, {});
  const report = state.report;
  return (
    <div className="flex flex-col gap-4">
      <form action={action} className="flex flex-col gap-3" noValidate>
        <input type="hidden" name="id" value={rewardId} />
        <TextAreaField label={t("codes.paste")} name="codes" rows={5} className="font-mono" hint={t("codes.pasteHint")} error={state.errors?.codes ? tr(state.errors.codes) : undefined} spellCheck={false} />
        <div className="flex flex-col gap-1">
          <label htmlFor="codes-file" className="text-sm font-medium">
            {t("codes.file")}
          </label>
          <input id="codes-file" name="file" type="file" accept=".csv,.txt,text/csv,text/plain" className={FILE_INPUT} aria-describedby="codes-file-hint" />
          <p id="codes-file-hint" className="text-sm text-muted">
            {t("codes.fileHint")}
          </p>
        </div>
        {state.errors?.form ? <Alert tone="error">{tr(state.errors.form)}</Alert> : null}
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? t("codes.importing") : t("codes.import")}
          </Button>
        </div>
      </form>
      {report ? (
        <div className="flex flex-col gap-2" aria-live="polite">
          <Alert tone={report.imported ? (report.problems.length ? "warn" : "success") : "warn"}>
            {t("codes.summary", { imported: report.imported, duplicates: report.duplicates, existing: report.existing, invalid: report.invalid })}
          </Alert>
          {report.problems.length ? (
            <div className="max-h-72 overflow-auto rounded-lg border border-border">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("codes.problems")}</caption>
                <thead className="sticky top-0 bg-surface-2">
                  <tr>
                    <th scope="col" className="px-3 py-2">
                      {t("codes.line")}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t("codes.code")}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t("codes.result")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.problems.map((p) => (
                    <tr key={p.line} className="border-t border-border">
                      <td className="tabular px-3 py-1.5">{p.line}</td>
                      <td className="px-3 py-1.5 font-mono text-xs break-all">{p.code}</td>
                      <td className={`px-3 py-1.5 ${p.status === "invalid" ? "text-danger" : "text-muted"}`}>{t(`codes.status.${p.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
