// Prints what failed (and what passed only on retry) from the test reports in test-results/, with the
// first lines of each error. .ci/run calls it just before its summary: whoever reads only the end of
// a red run's output still learns which test failed and why. Plain Node, no dependencies: it must
// run even when the install failed.
import { existsSync, readFileSync } from "node:fs";

const dir = process.argv[2] ?? "test-results";
const MAX_LINES = 6;
const found = [];

const plain = (text) =>
  String(text ?? "")
    .replace(/\x1b\[[0-9;]*m/g, "")
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim())
    .slice(0, MAX_LINES)
    .map((l) => `      ${l.slice(0, 200)}`)
    .join("\n");

function read(file) {
  const path = `${dir}/${file}`;
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

for (const [file, label] of [["vitest.json", "vitest (PGlite)"], ["vitest-postgres.json", "vitest (Postgres)"]]) {
  const report = read(file);
  for (const f of report?.testResults ?? []) {
    const failedTests = (f.assertionResults ?? []).filter((a) => a.status === "failed");
    for (const a of failedTests) found.push(`✗ ${label} ${f.name.replace(/^.*?\/(lib|components|app|db|scripts|bench)\//, "$1/")} › ${a.fullName}\n${plain(a.failureMessages?.join("\n"))}`);
    if (f.status === "failed" && failedTests.length === 0) found.push(`✗ ${label} ${f.name} (the file failed outside its tests)\n${plain(f.message)}`);
  }
}

const playwright = read("playwright.json");
function walk(suite, file) {
  for (const child of suite.suites ?? []) walk(child, child.file ?? file);
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      if (t.status !== "unexpected" && t.status !== "flaky") continue;
      const errors = (t.results ?? []).filter((r) => r.error).map((r) => `retry ${r.retry}: ${r.error.message ?? ""}`);
      const mark = t.status === "flaky" ? "~ e2e (flaky, passed on retry)" : "✗ e2e";
      found.push(`${mark} ${file}:${spec.line} › ${spec.title}\n${plain(errors.join("\n"))}`);
    }
  }
}
for (const suite of playwright?.suites ?? []) walk(suite, suite.file);
for (const e of playwright?.errors ?? []) found.push(`✗ e2e (outside tests)\n${plain(e.message)}`);

if (found.length) {
  console.log("\n=== what failed ===");
  console.log(found.slice(0, 20).join("\n"));
  if (found.length > 20) console.log(`… and ${found.length - 20} more (test-results/)`);
}
