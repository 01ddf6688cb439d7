"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { importCodesAction, type CodesState } from "@/app/[locale]/(admin)/admin/rewards/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ImportReport, resultTone } from "@/components/ui/import-report";
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
        <ImportReport
          summary={t("codes.summary", { imported: report.imported, duplicates: report.duplicates, existing: report.existing, invalid: report.invalid })}
          tone={report.imported && !report.problems.length ? "success" : "warn"}
          caption={t("codes.problems")}
          rows={report.problems}
          rowKey={(p) => p.line}
          columns={[
            { header: t("codes.line"), cell: (p) => p.line, className: "tabular" },
            { header: t("codes.code"), cell: (p) => p.code, className: "font-mono text-xs break-all" },
            { header: t("codes.result"), cell: (p) => t(`codes.status.${p.status}`), className: (p) => resultTone(p.status, "imported") },
          ]}
        />
      ) : null}
    </div>
  );
}
