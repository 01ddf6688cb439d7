// Migration drift: the committed migrations must already describe db/schema exactly. drizzle-kit
// generate runs against a temporary copy of db/migrations; if it writes anything, someone changed
// the schema without `npm run db:generate` (or edited a landed migration's snapshot).
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";

const root = process.cwd();
const dir = mkdtempSync(path.join(tmpdir(), "jifen-drift-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const listing = (d: string) => readdirSync(d, { recursive: true }).map(String).sort();

test("drizzle-kit generate against the committed migrations creates nothing", async () => {
  const out = path.join(dir, "migrations");
  cpSync(path.join(root, "db/migrations"), out, { recursive: true });
  const before = listing(out);
  const config = path.join(dir, "drizzle.config.ts");
  // The project's drizzle.config.ts with the output folder moved to the copy. drizzle-kit wants
  // both paths relative to the working directory (it prefixes "./" to whatever it is given).
  const relative = (p: string) => path.relative(root, p) || ".";
  writeFileSync(config, `export default ${JSON.stringify({ dialect: "postgresql", schema: "./db/schema/index.ts", out: relative(out), casing: "snake_case" })};\n`);
  const { stdout, stderr } = await promisify(execFile)(path.join(root, "node_modules/.bin/drizzle-kit"), ["generate", `--config=${config}`, "--name=drift-check"], {
    cwd: root,
    timeout: 60_000,
    env: { ...process.env, CI: "true" },
  });
  const added = listing(out).filter((f) => !before.includes(f));
  expect(added, `db/schema and db/migrations disagree; run \`npm run db:generate -- --name=<what>\`.\n${stdout}`).toEqual([]);
  // And drizzle-kit really compared them (it exits 0 even when it could not read the folder).
  expect(`${stdout}${stderr}`).toMatch(/No schema changes/i);
}, 90_000);
