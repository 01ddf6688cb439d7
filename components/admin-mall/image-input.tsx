"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

export const IMAGE_ACCEPT = "image/png,image/jpeg,image/webp,image/gif";
/** A file input that looks like the app's secondary button. */
export const FILE_INPUT = "min-h-11 text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-border file:bg-surface-2 file:px-3 file:text-fg";

/**
 * A file input for a reward picture: PNG, JPEG, WebP or GIF up to `maxBytes`. The browser checks
 * the size first as a courtesy (and clears a file that is too big); the server checks again, and
 * checks what the file really is.
 */
export function ImageInput({ label, maxBytes, error, name = "image" }: { label: string; maxBytes: number; error?: string; name?: string }) {
  const t = useTranslations("adminMall");
  const id = useId();
  const [local, setLocal] = useState<string | null>(null);
  const shown = local ?? error;
  const mb = (maxBytes / 1_000_000).toLocaleString(undefined, { maximumFractionDigits: 1 });
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        accept={IMAGE_ACCEPT}
        className={FILE_INPUT}
        aria-invalid={shown ? true : undefined}
        aria-describedby={`${id}-note`}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f && f.size > maxBytes) {
            setLocal(t("errors.imageTooLargeMax", { mb }));
            e.currentTarget.value = "";
          } else setLocal(null);
        }}
      />
      <p id={`${id}-note`} className={shown ? "text-sm text-danger" : "text-sm text-muted"}>
        {shown ?? t("hints.image", { mb })}
      </p>
    </div>
  );
}
