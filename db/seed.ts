// Seeding: what every database needs (bootstrap admin and API key from the environment), and on an
// empty database with SEED_DEMO=true (the default) a believable demo programme. Idempotent:
// running it again changes nothing; deterministic: the same demo every time.
import { env } from "@/lib/env";
import { ensureBootstrapApiKey } from "@/lib/admin/api-keys";
import { ensureStaffAccount } from "@/lib/admin/bootstrap-admin";
import { ensureDefaultRules } from "@/lib/rules/load-ruleset";
import { seedDemo, type DemoLogin } from "./seed-demo";

export interface SeedSummary {
  demoSeeded: boolean;
  logins: DemoLogin[];
}

export async function seed({ log = console.log }: { log?: (s: string) => void } = {}): Promise<SeedSummary> {
  // Every database runs on rules: version 1 of each default rule key, once.
  const rules = await ensureDefaultRules();
  if (rules) log(`default rules: ${rules} rule versions written`);
  if (env.BOOTSTRAP_ADMIN_EMAIL && env.BOOTSTRAP_ADMIN_PASSWORD) {
    await ensureStaffAccount({ email: env.BOOTSTRAP_ADMIN_EMAIL, password: env.BOOTSTRAP_ADMIN_PASSWORD });
    log(`bootstrap admin: ${env.BOOTSTRAP_ADMIN_EMAIL}`);
  }
  if (env.BOOTSTRAP_API_KEY) {
    await ensureBootstrapApiKey(env.BOOTSTRAP_API_KEY);
    log("bootstrap API key: ready (value from BOOTSTRAP_API_KEY)");
  }
  if (env.SEED_DEMO !== "true") return { demoSeeded: false, logins: [] };
  return seedDemo(log);
}
