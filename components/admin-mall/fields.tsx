import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

// Labelled textarea and checkbox with their error or hint wired for screen readers, in the style
// of components/ui/field.tsx (which covers <input> and <select>).

function describedBy(id: string, error?: string, hint?: string) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

function Note({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  if (error) {
    return (
      <p id={`${id}-error`} className="text-sm text-danger">
        {error}
      </p>
    );
  }
  return hint ? (
    <p id={`${id}-hint`} className="text-sm text-muted">
      {hint}
    </p>
  ) : null;
}

const control = (error?: string) => cn("min-h-11 rounded-lg border bg-surface px-3 text-base text-fg", error ? "border-danger" : "border-border");

export function TextAreaField({ label, name, error, hint, className, ...area }: ComponentProps<"textarea"> & { label: string; name: string; error?: string; hint?: string }) {
  const id = area.id ?? `f-${name}`;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea id={id} name={name} rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} className={cn(control(error), "py-2")} {...area} />
      <Note id={id} error={error} hint={hint} />
    </div>
  );
}

export function CheckboxField({ label, name, error, hint, className, ...input }: Omit<ComponentProps<"input">, "type"> & { label: string; name: string; error?: string; hint?: string }) {
  const id = input.id ?? `f-${name}`;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="flex min-h-11 items-center gap-2 text-sm font-medium">
        <input id={id} name={name} type="checkbox" className="size-4" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...input} />
        {label}
      </label>
      <Note id={id} error={error} hint={hint} />
    </div>
  );
}
