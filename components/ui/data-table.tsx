import type { ReactNode } from "react";
import { Button } from "./button";
import { Card, CardTitle } from "./card";
import { cn } from "./cn";
import { EmptyState } from "./empty-state";

export interface Column<T> {
  /** Header content; `srOnly` keeps it for screen readers only (e.g. an actions column). */
  header: ReactNode;
  srOnly?: boolean;
  /** Extra classes on the header cell (e.g. centred columns of a matrix). */
  headerClassName?: string;
  cell: (row: T) => ReactNode;
  /** Numbers align right (tabular figures). */
  numeric?: boolean;
  /** Extra classes on the body cells (width caps, wrapping, mono). */
  className?: string;
  /** The first column can be the row header (`<th scope="row">`) for screen readers. */
  rowHeader?: boolean;
}

/**
 * The admin list table: a captioned, horizontally scrollable table with one row per item, an
 * empty state when there is nothing, and an optional footer (pager, "older" link). Pages pass
 * columns as data so every list looks and reads the same (th scope, caption, alignment); a row's
 * actions (decision forms, buttons) are a column like any other.
 */
export interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** What to say when there are no rows (an EmptyState title, or a whole node). */
  empty: ReactNode;
  footer?: ReactNode;
  testId?: string;
  /** data-testid on every body row, so a journey can pick one row by its text. */
  rowTestId?: string;
  align?: "top" | "middle";
}

export function DataTable<T>({ caption, columns, rows, rowKey, empty, footer, testId, rowTestId, align = "top" }: DataTableProps<T>) {
  if (rows.length === 0) return typeof empty === "string" ? <EmptyState title={empty} /> : <>{empty}</>;
  const last = columns.length - 1;
  const pad = (i: number) => cn("py-2", i < last && "pr-3");
  return (
    <div className="flex flex-col gap-4">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid={testId}>
          <caption className="sr-only">{caption}</caption>
          <thead className="text-muted">
            <tr>
              {columns.map((c, i) => (
                <th key={i} scope="col" className={cn(pad(i), c.numeric && "text-right", c.headerClassName)}>
                  {c.srOnly ? <span className="sr-only">{c.header}</span> : c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)} className={cn("border-t border-border", align === "top" ? "align-top" : "align-middle")} data-testid={rowTestId}>
                {columns.map((c, i) => {
                  const className = cn(pad(i), c.numeric && "tabular text-right", c.className);
                  return c.rowHeader ? (
                    <th key={i} scope="row" className={cn(className, "font-normal")}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={i} className={className}>
                      {c.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {footer}
    </div>
  );
}

/**
 * A DataTable in its own card. With a title, the card is headed by it (and an optional intro; the
 * card is labelled by the heading given `headingId`) and the title is the table's caption; without
 * one, `caption` names the table.
 */
export function DataTableCard<T>({
  title,
  intro,
  headingId,
  caption,
  ...table
}: Omit<DataTableProps<T>, "caption"> & { title?: string; intro?: string; headingId?: string; caption?: string }) {
  return (
    <Card aria-labelledby={title ? headingId : undefined}>
      {title ? (
        <CardTitle id={headingId} className={intro ? "mb-1" : "mb-4"}>
          {title}
        </CardTitle>
      ) : null}
      {intro ? <p className="mb-4 text-sm text-muted">{intro}</p> : null}
      <DataTable caption={caption ?? title ?? ""} {...table} />
    </Card>
  );
}

/** A row's one-button action: a form that posts the row's id to a server action. */
export function RowAction({ action, id, label, ariaLabel, variant = "secondary" }: { action: (form: FormData) => Promise<void>; id: string; label: string; ariaLabel?: string; variant?: "secondary" | "danger" }) {
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant={variant} aria-label={ariaLabel}>
        {label}
      </Button>
    </form>
  );
}
