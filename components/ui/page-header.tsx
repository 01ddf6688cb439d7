/** A page's title with a one-line introduction under it. */
export function PageHeader({ title, intro }: { title: string; intro?: string }) {
  return (
    <div>
      <h1 className="text-xl font-semibold">{title}</h1>
      {intro ? <p className="text-sm text-muted">{intro}</p> : null}
    </div>
  );
}
