import type { Metadata } from "next";

// A page rendered once at build time and served from the build output: the baseline that
// `npm run bench:pages` compares the server-rendered member pages against (issue 4, Performance).
export const dynamic = "force-static";

export const metadata: Metadata = { title: "Static baseline", robots: { index: false, follow: false } };

export default function StaticBaseline() {
  return (
    <main className="mx-auto max-w-md p-6">
      <h1 className="text-xl font-semibold">Static baseline</h1>
      <p className="mt-2 text-sm text-muted">Prerendered at build time; used by the page benchmark as the yardstick.</p>
    </main>
  );
}
