// The server the browser tests run against: the production build on a brand-new embedded
// database with the demo seed, a fixed test secret, and an e2e-only port.
import { rmSync } from "node:fs";
import { bin, run } from "./run";

const dir = ".data/e2e";
rmSync(dir, { recursive: true, force: true });
const env = {
  PGLITE_DIR: dir,
  DATABASE_URL: "",
  AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
  APP_URL: `http://127.0.0.1:${process.env.PORT ?? 3100}`,
  SEED_DEMO: "true",
  BOOTSTRAP_API_KEY: "jf_test_e2e_bootstrap_key_0123456789",
};
Object.assign(process.env, env);
const { prepareDatabase } = await import("./prepare");
await prepareDatabase();
process.exit(await run(bin("next"), ["start", "-p", process.env.PORT ?? "3100", "-H", "127.0.0.1"], env));
