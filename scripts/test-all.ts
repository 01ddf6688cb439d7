// npm test — every check, in order: typecheck, lint, unit + database tests (vitest), a production
// build, and the browser journeys (Playwright on Debian Chromium). Ends with "N passed, N failed":
// every vitest and Playwright test counts once, and typecheck, lint and build count as one check each.
// `npm test -- vitest e2e` runs only the named steps (typecheck, lint, vitest, build, e2e).
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { findOrInstallChromium } from "./chromium";
import { bin, run } from "./run";

const STEPS = ["typecheck", "lint", "vitest", "build", "e2e"] as const;
type Step = (typeof STEPS)[number];

const only = process.argv.slice(2).filter((a) => a !== "--");
const unknown = only.filter((s) => !(STEPS as readonly string[]).includes(s));
if (unknown.length) {
  console.error(`Unknown step(s): ${unknown.join(", ")}. Steps: ${STEPS.join(", ")}.`);
  process.exit(2);
}
// e2e needs a current build: asking for e2e alone still builds first.
const want = (step: Step) => only.length === 0 || only.includes(step) || (step === "build" && only.includes("e2e"));

const outDir = "test-results";
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
process.env.NEXT_TELEMETRY_DISABLED = "1";

const results = { passed: 0, failed: 0 };
const lines: string[] = [];

function count(name: string, passed: number, failed: number, seconds: number, note = "") {
  results.passed += passed;
  results.failed += failed;
  lines.push(`${failed ? "✗" : "✓"} ${name.padEnd(10)} ${String(passed).padStart(4)} passed ${String(failed).padStart(3)} failed ${seconds.toFixed(0).padStart(5)}s${note ? `  ${note}` : ""}`);
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = Date.now();
  const value = await fn();
  return [value, (Date.now() - start) / 1000];
}

/** A step that is one check: passes when the command exits 0. */
async function check(name: string, cmd: string, args: string[], env: Record<string, string | undefined> = {}): Promise<boolean> {
  console.log(`\n=== ${name} ===`);
  const [code, seconds] = await timed(() => run(cmd, args, env));
  count(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1, seconds, code === 0 ? "" : `exit code ${code}`);
  return code === 0;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

if (want("typecheck")) {
  // A fresh clone has no next-env.d.ts and no route types yet (both are generated, and gitignored).
  console.log("\n=== next typegen ===");
  const code = await run(bin("next"), ["typegen"]);
  if (code !== 0) count("typecheck", 0, 1, 0, `next typegen failed (exit code ${code})`);
  else await check("typecheck", bin("tsc"), ["--noEmit", "-p", "."]);
}
if (want("lint")) await check("lint", bin("eslint"), [".", "--max-warnings=0"]);

if (want("vitest")) {
  const db = process.env.DATABASE_URL ? "Postgres from DATABASE_URL" : "embedded PGlite";
  console.log(`\n=== vitest (unit + database tests on ${db}) ===`);
  const file = `${outDir}/vitest.json`;
  const [code, seconds] = await timed(() => run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]));
  const report = readJson<VitestReport>(file);
  if (!report) {
    count("vitest", 0, 1, seconds, `no report (exit code ${code})`);
  } else {
    // A file that fails to load (syntax error, failing beforeAll) has no failed test but is a failure.
    const brokenFiles = report.testResults.filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed")).length;
    let failed = report.numFailedTests + brokenFiles;
    const notes = brokenFiles ? [`${brokenFiles} file(s) failed outside tests`] : [];
    if (code !== 0 && failed === 0) {
      failed = 1; // e.g. unhandled errors: vitest failed the run although every test passed
      notes.push(`exit code ${code}`);
    }
    count("vitest", report.numPassedTests, failed, seconds, notes.join("; "));
  }
}

let built = !want("build");
if (want("build")) built = await check("build", bin("next"), ["build"]);

if (want("e2e")) {
  if (!built) {
    console.log("\n=== e2e skipped: the build failed ===");
    count("e2e", 0, 1, 0, "not run: the build failed");
  } else {
    let chromium: string | null = null;
    try {
      chromium = findOrInstallChromium();
    } catch (e) {
      console.error(String((e as Error).message));
      count("e2e", 0, 1, 0, "no Chromium");
    }
    if (chromium) {
      console.log(`\n=== e2e (Playwright on ${chromium}, production build, fresh database) ===`);
      const file = `${outDir}/playwright.json`;
      const [code, seconds] = await timed(() => run(bin("playwright"), ["test"], { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: file }));
      const report = readJson<PlaywrightReport>(file);
      if (!report) {
        count("e2e", 0, 1, seconds, `no report (exit code ${code})`);
      } else {
        const { expected, unexpected, flaky } = report.stats;
        // Errors outside tests (the server did not start, a file did not load) fail the run too.
        let failed = unexpected + (report.errors?.length ?? 0);
        const notes = [flaky ? `${flaky} flaky (passed on retry)` : "", report.errors?.length ? `${report.errors.length} error(s) outside tests` : ""];
        if (code !== 0 && failed === 0) {
          failed = 1;
          notes.push(`exit code ${code}`);
        }
        count("e2e", expected + flaky, failed, seconds, notes.filter(Boolean).join("; "));
      }
    }
  }
}

console.log(`\n=== summary ===\n${lines.join("\n")}`);
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 || results.passed === 0 ? 1 : 0);

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: unknown[];
}
