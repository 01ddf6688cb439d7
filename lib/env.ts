import { z } from "zod";

// Every environment variable the app reads, validated once. See the README's env table.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default(".data/pglite"),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DB_PREPARE: z.enum(["true", "false"]).default("true"),
  AUTH_SECRET: z.string().min(16).optional(),
  SEED_DEMO: z.enum(["true", "false"]).default("true"),
  BOOTSTRAP_ADMIN_EMAIL: z.string().email().optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().min(8).optional(),
  BOOTSTRAP_API_KEY: z.string().min(16).optional(),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(6000),
  // How many proxies in front of the app append to X-Forwarded-For (0: none, the header is ignored).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(1),
  APP_URL: z.string().url().default("http://localhost:3000"),
  // Where uploaded reward images are stored (served by the app at /media/…).
  UPLOAD_DIR: z.string().default(".data/uploads"),
  // Largest accepted image upload, in bytes.
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(2_000_000),
  CURRENCY: z.string().length(3).default("CNY"),
  // Calendar edges (campaign windows, "end of year" expiry, daily caps) are read in this zone.
  DEPLOYMENT_TZ: z.string().default("Asia/Shanghai"),
  // The server's own scheduler (lib/jobs/background.ts): analytics refresh every minute, sweeps,
  // scheduled grants and pruning every 10 minutes. "false" leaves them to cron (npm run maintenance).
  BACKGROUND_JOBS: z.enum(["true", "false"]).default("true"),
});

export type Env = z.infer<typeof schema>;

function read(): Env {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
}

export const env: Env = read();
