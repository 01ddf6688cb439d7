// npm start — the local demo in one command: migrate and seed the database (embedded PGlite in
// .data/ unless DATABASE_URL is set), build once if there is no build yet, then serve on PORT.
import { existsSync } from "node:fs";
import { bin, run } from "./run";

if (!process.env.AUTH_SECRET) {
  // The demo generates and keeps its own secret; a real deployment sets AUTH_SECRET (see README).
  const { localDemoSecret } = await import("@/lib/auth/secret");
  process.env.AUTH_SECRET = localDemoSecret();
}
const port = process.env.PORT ?? "3000";

const { prepareDatabase } = await import("./prepare");
const summary = await prepareDatabase();

if (!existsSync(".next/BUILD_ID") || process.argv.includes("--rebuild")) {
  console.log("No production build yet: running next build (once)…");
  const code = await run(bin("next"), ["build"]);
  if (code !== 0) process.exit(code);
}

console.log(`\nJifen is starting on http://localhost:${port}`);
if (summary.logins.length) {
  console.log("Demo sign-ins:");
  for (const l of summary.logins) console.log(`  ${l.role.padEnd(12)} ${l.email.padEnd(32)} ${l.password}`);
}
process.exit(await run(bin("next"), ["start", "-p", port], { AUTH_SECRET: process.env.AUTH_SECRET }));
