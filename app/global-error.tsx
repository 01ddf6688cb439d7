"use client";

// Last resort when the root layout itself fails: no providers, so bilingual plain text.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1.5rem", textAlign: "center" }}>
        <h1>出错了 · Something went wrong</h1>
        <p>请稍后再试。Please try again in a moment.</p>
        <button type="button" onClick={reset} style={{ padding: "0.75rem 1.25rem", marginTop: "1rem" }}>
          重试 · Retry
        </button>
      </body>
    </html>
  );
}
