import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Scripts and styles only from this origin. Next's hydration and next-intl inject inline scripts,
// so 'unsafe-inline' stays until nonces are worth making every page dynamic; external scripts,
// plugins, <base> hijacks, foreign form targets and framing are all refused. Dev needs eval (HMR).
const dev = process.env.NODE_ENV === "development";
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? " ws:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

// Server actions carry reward picture uploads (UPLOAD_MAX_BYTES, checked again by the action) and
// CSV files (2 MB): the limit leaves room for the rest of the form. Read when the server starts.
const uploadMaxBytes = Number(process.env.UPLOAD_MAX_BYTES || 2_000_000);

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must not be bundled (Next 16 + PGlite trap).
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  // forbidden() / unauthorized() render app/forbidden.tsx with a real 403/401 status.
  // The cached catalogue pages (app/[locale]/(catalogue)) are kept in memory only (an LRU of
  // cacheMaxMemorySize, 50 MB by default), never written into .next: a server starts with an empty
  // cache, so a restart, another database (tests, benchmarks) or another instance never serves pages
  // rendered from someone else's data. Each instance renders a page once per revalidation.
  experimental: { authInterrupts: true, isrFlushToDisk: false, serverActions: { bodySizeLimit: Math.max(uploadMaxBytes, 2 * 1024 * 1024) + 1_000_000 } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
