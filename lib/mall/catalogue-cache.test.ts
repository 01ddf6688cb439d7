// The cached catalogue is rendered again when it changes: every entry point that changes a reward
// marks it stale, and the path it marks is where the cached pages really are.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test, vi } from "vitest";

const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ revalidatePath }));
const { CATALOGUE_LAYOUT, catalogueChanged } = await import("./catalogue-cache");

const APP = path.join(process.cwd(), "app");
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : [path.join(dir, n)]));

/** The modules of the use cases that change what the catalogue pages show, and the names they are called by. */
const WRITERS: Record<string, string> = {
  "@/lib/mall/admin/add-reward": "addReward",
  "@/lib/mall/admin/update-reward": "updateReward",
  "@/lib/mall/admin/set-reward-active": "setRewardActive",
  "@/lib/mall/admin/schedule-reward": "scheduleReward",
  "@/lib/mall/admin/set-reward-image": "setRewardImage",
  "@/lib/mall/admin/adjust-stock": "adjustStock",
  "@/lib/mall/admin/import-coupon-codes": "importCouponCodes",
  "@/lib/mall/create-reward": "create",
};

describe("catalogueChanged", () => {
  test("marks the layout holding every cached catalogue page", () => {
    catalogueChanged();
    expect(revalidatePath).toHaveBeenCalledWith("/[locale]/(catalogue)", "layout");
  });

  test("that layout is where the cached pages are (the route's file structure, not the address)", () => {
    const dir = path.join(APP, ...CATALOGUE_LAYOUT.split("/").filter(Boolean));
    expect(existsSync(path.join(dir, "layout.tsx"))).toBe(true);
    const pages = walk(dir)
      .filter((f) => path.basename(f) === "page.tsx")
      .map((f) => path.relative(dir, path.dirname(f)).split(path.sep).join("/"));
    expect(pages.sort()).toEqual(["mall", "mall/c/[category]/[view]", "mall/r/[id]"]);
  });
});

describe("every change to a reward marks the catalogue stale", () => {
  const sources = walk(APP).filter((f) => /\.tsx?$/.test(f) && !f.includes(".test."));
  const callers = sources.filter((f) => Object.keys(WRITERS).some((m) => readFileSync(f, "utf8").includes(`from "${m}"`)));

  test("the entry points that change rewards are found (the admin actions and the API)", () => {
    const rel = callers.map((f) => path.relative(process.cwd(), f).split(path.sep).join("/"));
    expect(rel).toEqual(expect.arrayContaining(["app/[locale]/(admin)/admin/rewards/actions.ts", "app/api/v1/rewards/route.ts"]));
  });

  test("each exported function there that calls one also calls catalogueChanged", () => {
    const calls = new RegExp(`await (?:${Object.values(WRITERS).join("|")})\\(`);
    const missing = callers.flatMap((file) =>
      readFileSync(file, "utf8")
        .split(/\n(?=export )/)
        .filter((chunk) => chunk.startsWith("export ") && calls.test(chunk) && !/catalogueChanged\b/.test(chunk))
        .map((chunk) => `${path.relative(process.cwd(), file)}: ${chunk.split("\n")[0]}`),
    );
    expect(missing).toEqual([]);
    expect(callers.length).toBeGreaterThan(1);
  });
});
