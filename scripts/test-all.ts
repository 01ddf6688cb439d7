// npm test — every check, in order: typecheck, lint, unit + database tests (vitest), a production
// build, and the browser journeys (Playwright on Debian Chromium). Ends with "N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { bin, run } from "./run";
import { findOrInstallChromium } from "./chromium";

const results = { passed: 0, failed: 0 };
const failures: string[] = [];
const outDir = "test-results";
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

function count(name: string, passed: number, failed: number) {
  results.passed += passed;
  results.failed += failed;
  if (failed > 0) failures.push(`${name}: ${failed} failed`);
}

async function check(name: string, cmd: string, args: string[], env: Record<string, string | undefined> = {}) {
  console.log(`\n=== ${name} ===`);
  const code = await run(cmd, args, env);
  count(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
  return code === 0;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

const only = process.argv.slice(2);
const want = (step: string) => only.length === 0 || only.includes(step);

if (want("typecheck")) await check("typecheck", bin("tsc"), ["--noEmit", "-p", "."]);
if (want("lint")) await check("lint", bin("eslint"), [".", "--max-warnings=0"]);

if (want("vitest")) {
  console.log("\n=== vitest (unit + database on PGlite) ===");
  const file = `${outDir}/vitest.json`;
  const code = await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  const report = readJson<{ numPassedTests: number; numFailedTests: number }>(file);
  if (report) count("vitest", report.numPassedTests, report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0));
  else count("vitest", 0, 1);
}

if (want("e2e")) {
  let chromium: string | null = null;
  try {
    chromium = findOrInstallChromium();
  } catch (e) {
    console.error(String((e as Error).message));
    count("e2e: chromium", 0, 1);
  }
  if (chromium && (await check("build", bin("next"), ["build"]))) {
    console.log("\n=== e2e (Playwright, production build) ===");
    const file = `${outDir}/playwright.json`;
    const code = await run(bin("playwright"), ["test"], { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: file });
    const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(file);
    if (report) count("e2e", report.stats.expected + report.stats.flaky, report.stats.unexpected + (code !== 0 && report.stats.unexpected === 0 ? 1 : 0));
    else count("e2e", 0, 1);
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join("; ")}`);
if (!existsSync(outDir)) mkdirSync(outDir);
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 || results.passed === 0 ? 1 : 0);
