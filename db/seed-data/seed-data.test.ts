import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { DEMO_CATEGORIES, DEMO_REWARDS } from "./catalogue";
import { DEMO_CAMPAIGNS, DEMO_DISTRIBUTOR_CHAIN, DEMO_EMAIL_DOMAIN, DEMO_MEMBERS, DEMO_PLAIN_MEMBER, DEMO_STAFF } from "./people";

const PUBLIC = path.resolve(import.meta.dirname, "../../public");

describe("demo catalogue", () => {
  test("40 rewards with unique SKUs, every category used", () => {
    expect(DEMO_REWARDS).toHaveLength(40);
    expect(new Set(DEMO_REWARDS.map((r) => r.sku)).size).toBe(40);
    const used = new Set(DEMO_REWARDS.map((r) => r.category));
    expect([...used].sort()).toEqual(DEMO_CATEGORIES.map((c) => c.slug).sort());
  });

  test("prices, stock, limits and tiers are sane", () => {
    for (const r of DEMO_REWARDS) {
      expect(Number.isInteger(r.pointsPrice), r.sku).toBe(true);
      expect(r.pointsPrice, r.sku).toBeGreaterThanOrEqual(200);
      expect(r.pointsPrice, r.sku).toBeLessThanOrEqual(60_000);
      if (r.stock !== null) expect(Number.isInteger(r.stock) && r.stock >= 0, r.sku).toBe(true);
      if (r.perMemberLimit !== null) expect(r.perMemberLimit >= 1 && r.perMemberLimit <= 5, r.sku).toBe(true);
      expect(new Set(r.tierCodes).size, r.sku).toBe(r.tierCodes.length);
      expect(r.name.trim() && r.nameEn.trim() && r.description.trim() && r.descriptionEn.trim(), r.sku).toBeTruthy();
    }
    expect(DEMO_REWARDS.filter((r) => r.stock === 0).length).toBeGreaterThanOrEqual(2);
    expect(DEMO_REWARDS.filter((r) => r.stock !== null && r.stock >= 3 && r.stock <= 8).length).toBeGreaterThanOrEqual(3);
    const flash = DEMO_REWARDS.flatMap((r) => (r.flash ? [r.flash] : []));
    expect(flash.some((f) => f.startsInDays < 0 && f.startsInDays + f.durationDays > 0)).toBe(true);
    expect(flash.some((f) => f.startsInDays > 0)).toBe(true);
  });

  test("each reward has a small, self-contained 400×400 SVG and there are no stray images", () => {
    for (const r of DEMO_REWARDS) {
      expect(r.imageUrl).toBe(`/rewards/${r.sku}.svg`);
      const file = path.join(PUBLIC, r.imageUrl);
      expect(existsSync(file), file).toBe(true);
      expect(statSync(file).size, file).toBeLessThan(3 * 1024);
      const svg = readFileSync(file, "utf8");
      expect(svg, file).toContain('viewBox="0 0 400 400"');
      expect(svg, file).not.toMatch(/<image|href=|@import|@font-face|url\(/);
    }
    const files = readdirSync(path.join(PUBLIC, "rewards")).sort();
    expect(files).toEqual(DEMO_REWARDS.map((r) => `${r.sku}.svg`).sort());
  });
});

describe("demo people", () => {
  const everyone = [...DEMO_STAFF, ...DEMO_DISTRIBUTOR_CHAIN, DEMO_PLAIN_MEMBER, ...DEMO_MEMBERS];

  test("60 members; unique keys and e-mails, all on the demo domain", () => {
    expect(DEMO_MEMBERS).toHaveLength(60);
    expect(new Set(everyone.map((p) => p.email)).size).toBe(everyone.length);
    for (const p of everyone) {
      expect(p.email).toBe(`${p.key}@${DEMO_EMAIL_DOMAIN}`);
      expect(p.email).toMatch(/^[a-z]+(\.[a-z]+)?@demo\.jifen\.dev$/);
    }
  });

  test("phones are masked, birthdays are real dates", () => {
    for (const p of everyone) {
      if (p.phone !== null) expect(p.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
      if (p.birthday !== null) {
        const d = new Date(`${p.birthday}T00:00:00Z`);
        expect(d.toISOString().slice(0, 10), p.key).toBe(p.birthday);
      }
    }
  });

  test("referrers are distributors of the chain, which links top to bottom", () => {
    const codes = new Set(DEMO_DISTRIBUTOR_CHAIN.map((d) => d.key));
    for (const m of [DEMO_PLAIN_MEMBER, ...DEMO_MEMBERS]) if (m.referrerKey !== null) expect(codes.has(m.referrerKey), m.key).toBe(true);
    expect(DEMO_DISTRIBUTOR_CHAIN.map((d) => d.referrerKey)).toEqual([null, "wang.fang", "zhang.wei"]);
    expect(DEMO_DISTRIBUTOR_CHAIN.map((d) => d.email)).toEqual(["wang.fang@demo.jifen.dev", "zhang.wei@demo.jifen.dev", "liu.yang@demo.jifen.dev"]);
  });

  test("campaign hints use basis points ≥ ×1", () => {
    for (const c of DEMO_CAMPAIGNS) {
      expect(Number.isInteger(c.multiplierBps) && c.multiplierBps >= 10_000).toBe(true);
      expect(c.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });
});
