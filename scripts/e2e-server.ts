// The server the browser tests run against (started by playwright.config.ts): the production build
// on a brand-new embedded database with the demo seed, a fixed test secret, and an e2e-only port.
import { cpSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { bin, run } from "./run";

const port = process.env.PORT ?? "3100";
const dir = path.join(".data", "e2e");

if (!existsSync(".next/BUILD_ID")) {
  console.error("e2e: no production build (.next/BUILD_ID). Run `npx next build` first (npm test does).");
  process.exit(1);
}
warnIfStale(statSync(".next/BUILD_ID").mtimeMs);

const env = {
  PGLITE_DIR: dir,
  DATABASE_URL: "",
  AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
  APP_URL: `http://127.0.0.1:${port}`,
  SEED_DEMO: "true",
  BOOTSTRAP_ADMIN_EMAIL: "",
  BOOTSTRAP_ADMIN_PASSWORD: "",
  BOOTSTRAP_API_KEY: "jf_test_e2e_bootstrap_key_0123456789",
  // No sweep, grant or refresh behind a journey's back: each journey sees only what it did.
  BACKGROUND_JOBS: "false",
};
// Before anything imports lib/env (it reads the environment once): the developer's own
// DATABASE_URL or bootstrap settings must not leak into the test server.
Object.assign(process.env, env);

// A fresh database every run: nothing left over from an earlier run can make a test pass or fail.
// Only PGlite's initdb (an empty cluster, ~6 s on 2 cores) is cached; schema and data are not.
rmSync(dir, { recursive: true, force: true });
cpSync(await emptyClusterTemplate(), dir, { recursive: true });
const { prepareDatabase } = await import("./prepare");
const summary = await prepareDatabase(() => {});
if (!summary.demoSeeded) {
  console.error("e2e: the demo seed did not run on the fresh database");
  process.exit(1);
}
console.log(`e2e: fresh database in ${dir} with the demo seed; starting next on port ${port}`);
// "localhost", not "127.0.0.1": with a loopback address Next sends proxy.ts's rewrites (every page,
// app/[locale]) over the network to itself and fails (vercel/next.js#94745). It binds to loopback alike.
process.exit(await run(bin("next"), ["start", "-p", port, "-H", "localhost"], env));

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

/** An initdb'd, empty PGlite folder for this PGlite version (no schema, no data), made once. */
async function emptyClusterTemplate(): Promise<string> {
  const version = (JSON.parse(readFileSync("node_modules/@electric-sql/pglite/package.json", "utf8")) as { version: string }).version;
  const template = path.join(".data", `e2e-empty-pglite-${version}`);
  if (existsSync(path.join(template, "PG_VERSION"))) return template;
  const tmp = `${template}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const { openPglite } = await import("@/db/client");
  const h = openPglite(tmp);
  await h.db.execute(sql`select 1`);
  await h.close();
  rmSync(path.join(tmp, "postmaster.pid"), { force: true });
  rmSync(template, { recursive: true, force: true });
  renameSync(tmp, template);
  return template;
}
