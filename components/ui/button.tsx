import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "./cn";

type Variant = "primary" | "secondary" | "ghost" | "danger";

const base =
  "inline-flex items-center justify-center gap-2 rounded-lg px-4 min-h-11 text-sm font-medium transition-colors disabled:opacity-60 disabled:cursor-not-allowed";
const variants: Record<Variant, string> = {
  // Hover shows a ring rather than fading the fill: 90 % opacity took white-on-brand to 4.42:1 (axe).
  primary: "bg-brand text-brand-fg hover:ring-2 hover:ring-brand/40 hover:ring-offset-1 hover:ring-offset-bg",
  secondary: "border border-border bg-surface text-fg hover:bg-surface-2",
  ghost: "text-fg hover:bg-surface-2",
  // Text in the page background colour: white on light red would fail contrast in dark mode.
  danger: "bg-danger text-bg hover:ring-2 hover:ring-danger/40 hover:ring-offset-1 hover:ring-offset-bg",
};

export function buttonClass(variant: Variant = "primary", className?: string) {
  return cn(base, variants[variant], className);
}

export function Button({ variant = "primary", className, ...props }: ComponentProps<"button"> & { variant?: Variant }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}

export function LinkButton({ variant = "primary", className, ...props }: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={buttonClass(variant, className)} {...props} />;
}
