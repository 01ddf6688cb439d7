// The server the browser tests run against (started by playwright.config.ts): the production build
// on a brand-new embedded database with the demo seed, a fixed test secret, and an e2e-only port.
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { bin, run } from "./run";

const port = process.env.PORT ?? "3100";
const dir = path.join(".data", "e2e");

if (!existsSync(".next/BUILD_ID")) {
  console.error("e2e: no production build (.next/BUILD_ID). Run `npx next build` first (npm test does).");
  process.exit(1);
}
warnIfStale(statSync(".next/BUILD_ID").mtimeMs);

// A fresh database every run: nothing left over from an earlier run can make a test pass or fail.
rmSync(dir, { recursive: true, force: true });
const env = {
  PGLITE_DIR: dir,
  DATABASE_URL: "",
  AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
  APP_URL: `http://127.0.0.1:${port}`,
  SEED_DEMO: "true",
  BOOTSTRAP_ADMIN_EMAIL: "",
  BOOTSTRAP_ADMIN_PASSWORD: "",
  BOOTSTRAP_API_KEY: "jf_test_e2e_bootstrap_key_0123456789",
};
Object.assign(process.env, env);
const { prepareDatabase } = await import("./prepare");
const summary = await prepareDatabase(() => {});
if (!summary.demoSeeded) {
  console.error("e2e: the demo seed did not run on the fresh database");
  process.exit(1);
}
console.log(`e2e: fresh database in ${dir} with the demo seed; starting next on port ${port}`);
process.exit(await run(bin("next"), ["start", "-p", port, "-H", "127.0.0.1"], env));

/** A build older than the sources means the journeys would test yesterday's app: say so. */
function warnIfStale(builtAt: number) {
  const newer: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(tsx?|css|json)$/.test(entry.name) && !entry.name.includes(".test.") && statSync(p).mtimeMs > builtAt) newer.push(p);
    }
  };
  for (const d of ["app", "components", "lib", "db", "messages"]) if (existsSync(d)) walk(d);
  if (newer.length) console.warn(`e2e: warning: the build is older than ${newer.length} source file(s) (e.g. ${newer[0]}); run \`npx next build\` for current results.`);
}
