import type { ReactNode } from "react";
import { Alert } from "./alert";
import { cn } from "./cn";

export interface ReportColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  className?: string | ((row: T) => string);
}

/**
 * What a CSV import (orders, coupon codes, shipments, …) reports back: a one-line summary, then a
 * scrollable table with a line per row that needs a look. Announced politely to screen readers.
 */
export function ImportReport<T>({
  summary,
  tone,
  caption,
  columns,
  rows,
  rowKey,
  testId,
}: {
  summary: string;
  tone: "success" | "warn";
  caption: string;
  columns: ReportColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  testId?: string;
}) {
  return (
    <div className="flex flex-col gap-2" aria-live="polite">
      <Alert tone={tone}>{summary}</Alert>
      {rows.length ? (
        <div className="max-h-80 overflow-auto rounded-lg border border-border">
          <table className="w-full text-left text-sm" data-testid={testId}>
            <caption className="sr-only">{caption}</caption>
            <thead className="sticky top-0 bg-surface-2">
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col" className="px-3 py-2">
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={rowKey(r)} className="border-t border-border">
                  {columns.map((c) => (
                    <td key={c.header} className={cn("px-3 py-1.5", typeof c.className === "function" ? c.className(r) : c.className)}>
                      {c.cell(r)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

/** Colour of a row's result: errors red, the happy outcome green, the rest (skipped, duplicate) muted. */
export const resultTone = (status: string, ok: string) => (status === "error" || status === "invalid" ? "font-medium text-danger" : status === ok ? "font-medium text-ok" : "text-muted");
