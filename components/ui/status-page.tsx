import Link from "next/link";
import type { ReactNode } from "react";

/** 403 / 404 / 500: a calm page that says what happened and where to go. */
export function StatusPage({ code, title, body, action }: { code: string; title: string; body: string; action?: ReactNode }) {
  return (
    <main id="main" className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-3 px-6 py-16 text-center">
      <p className="tabular text-5xl font-bold text-brand">{code}</p>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-muted">{body}</p>
      {action ?? (
        <Link href="/" className="mt-2 font-medium text-brand underline">
          ←
        </Link>
      )}
    </main>
  );
}
