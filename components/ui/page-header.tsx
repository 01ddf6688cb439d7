import type { ReactNode } from "react";

/** A page's title with a one-line introduction under it, and the page's own links or buttons beside it. */
export function PageHeader({ title, intro, actions }: { title: string; intro?: string; actions?: ReactNode }) {
  const heading = (
    <div>
      <h1 className="text-xl font-semibold">{title}</h1>
      {intro ? <p className="text-sm text-muted">{intro}</p> : null}
    </div>
  );
  if (!actions) return heading;
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      {heading}
      <div className="flex flex-wrap gap-2">{actions}</div>
    </div>
  );
}
