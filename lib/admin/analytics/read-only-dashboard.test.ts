// Issue #6: at 1M members a rollup refresh costs seconds, so no request may pay for one. The
// dashboard only reads; the one way a request refreshes is an admin's explicit "Refresh now".
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { actions } from "@/lib/auth/testing/app-inventory";

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });

describe("the analytics dashboard only reads", () => {
  test("no page, layout or route handler refreshes the rollups; only the Refresh-now action does", () => {
    const callers = files(path.join(process.cwd(), "app"))
      .filter((f) => /\brefreshRollups\s*\(/.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(process.cwd(), f));
    expect(callers).toEqual([path.join("app", "[locale]", "(admin)", "admin", "analytics", "actions.ts")]);
  });

  test("the Refresh-now action demands the analytics permission", () => {
    const refresh = actions().filter((a) => a.file.endsWith(path.join("analytics", "actions.ts")));
    expect(refresh.map((a) => [a.name, a.permission])).toEqual([["refreshAnalyticsAction", "admin:analytics"]]);
  });
});
