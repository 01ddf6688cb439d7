import type { Metadata } from "next";

// A page rendered once and served from Next's cache: the baseline that
// `npm run bench:pages` compares the server-rendered member pages against (issue 4, Performance).
export const dynamic = "force-static";
// Rendered on its first request (per language), then served from the cache like the catalogue pages.
export function generateStaticParams() {
  return [];
}

export const metadata: Metadata = { title: "Static baseline", robots: { index: false, follow: false } };

export default function StaticBaseline() {
  return (
    <main className="mx-auto max-w-md p-6">
      <h1 className="text-xl font-semibold">Static baseline</h1>
      <p className="mt-2 text-sm text-muted">Prerendered at build time; used by the page benchmark as the yardstick.</p>
    </main>
  );
}
