import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A labelled input with its error, wired for screen readers (aria-invalid + aria-describedby). */
export function Field({
  label,
  name,
  error,
  hint,
  className,
  ...input
}: ComponentProps<"input"> & { label: string; name: string; error?: string; hint?: string }) {
  const id = input.id ?? `f-${name}`;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={noteId(id, error, hint)}
        className={cn(
          "min-h-11 rounded-lg border bg-surface px-3 text-base text-fg placeholder:text-muted",
          error ? "border-danger" : "border-border",
        )}
        {...input}
      />
      <FieldNote id={id} error={error} hint={hint} />
    </div>
  );
}

/**
 * A labelled select in Field's style, with its error or hint wired for screen readers. Options
 * come as `options` (value, label) or as <option> children.
 */
export function SelectField({
  label,
  name,
  error,
  hint,
  options,
  className,
  children,
  ...select
}: ComponentProps<"select"> & { label: string; name: string; error?: string; hint?: string; options?: readonly { value: string; label: string }[] }) {
  const id = select.id ?? `f-${name}`;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={noteId(id, error, hint)}
        className={cn("min-h-11 rounded-lg border bg-surface px-3 text-base text-fg", error ? "border-danger" : "border-border")}
        {...select}
      >
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
      <FieldNote id={id} error={error} hint={hint} />
    </div>
  );
}

/** The id of the note under a control (its error, else its hint), for aria-describedby. */
const noteId = (id: string, error?: string, hint?: string) => (error ? `${id}-error` : hint ? `${id}-hint` : undefined);

/** The error (or, without one, the hint) under a control, with the id noteId gives. */
function FieldNote({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  if (error)
    return (
      <p id={`${id}-error`} className="text-sm text-danger">
        {error}
      </p>
    );
  if (hint)
    return (
      <p id={`${id}-hint`} className="text-sm text-muted">
        {hint}
      </p>
    );
  return null;
}
