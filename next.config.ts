import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
];

// Server actions carry reward picture uploads (UPLOAD_MAX_BYTES, checked again by the action) and
// CSV files (2 MB): the limit leaves room for the rest of the form. Read when the server starts.
const uploadMaxBytes = Number(process.env.UPLOAD_MAX_BYTES || 2_000_000);

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must not be bundled (Next 16 + PGlite trap).
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  // forbidden() / unauthorized() render app/forbidden.tsx with a real 403/401 status.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: Math.max(uploadMaxBytes, 2 * 1024 * 1024) + 1_000_000 } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
