import type { ReactNode } from "react";

export interface Column {
  label: string;
  /** Right-aligned, tabular digits. */
  numeric?: boolean;
}

/** A plain, captioned table: the accessible form of a chart, and the dashboard's lists. */
export function DataTable({ caption, columns, rows, captionVisible = false }: { caption: string; columns: Column[]; rows: ReactNode[][]; captionVisible?: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className={captionVisible ? "pb-2 text-left text-sm font-medium" : "sr-only"}>{caption}</caption>
        <thead className="text-muted">
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? "py-2 pl-3 text-right" : "py-2 pr-3"}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className="border-t border-border">
              {r.map((cell, j) => (
                <td key={j} className={columns[j]?.numeric ? "tabular py-1.5 pl-3 text-right whitespace-nowrap" : "py-1.5 pr-3"}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
