import { describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { db, rowsOf } from "@/db/client";
import { rollupsRefreshedAt } from "@/lib/admin/analytics/refresh-rollups";
import { checkCredentials } from "@/lib/auth/credentials";
import { verifyWallets } from "@/lib/distribution/verify-wallets";
import { verifyLedger } from "@/lib/points/verify-ledger";
import { demoId, DEMO_LOGINS } from "./seed-demo";
import { seed } from "./seed";

async function counts() {
  const [row] = rowsOf<Record<string, number>>(
    await db.execute(sql`select (select count(*) from users)::int users, (select count(*) from members)::int members,
      (select count(*) from distributors)::int distributors, (select count(*) from rewards)::int rewards,
      (select count(*) from referral_paths)::int paths, (select count(*) from redemptions)::int redemptions,
      (select count(*) from member_addresses)::int addresses, (select count(*) from coupon_codes)::int coupons`),
  );
  return row!;
}

describe("seed", () => {
  test("creates the demo once, deterministically, and every demo login works", async () => {
    const first = await seed({ log: () => {} });
    expect(first.demoSeeded).toBe(true);
    const after = await counts();
    expect(after).toMatchObject({ users: 68, members: 64, distributors: 3 });
    expect(after.rewards).toBe(40);
    expect(after).toMatchObject({ redemptions: 9, addresses: 6, coupons: 4 });
    const again = await seed({ log: () => {} });
    expect(again.demoSeeded).toBe(false);
    expect(await counts()).toEqual(after);
    const [chen] = rowsOf<{ id: string }>(await db.execute(sql`select id::text from users where email = 'chen.jing@demo.jifen.dev'`));
    expect(chen!.id).toBe(demoId("chen.jing"));
    for (const login of DEMO_LOGINS) {
      expect((await checkCredentials({ email: login.email, password: login.password }, "seed-test")).ok, login.email).toBe(true);
    }
    // History is replayed at the moment it happened: nothing is dated after the seed ran.
    const [future] = rowsOf<{ refunds: number; entries: number }>(
      await db.execute(sql`select (select count(*) from refunds where created_at > now())::int refunds, (select count(*) from point_entries where created_at > now())::int entries`),
    );
    expect(future).toEqual({ refunds: 0, entries: 0 });
    expect((await verifyLedger()).mismatches).toEqual([]);
    // The demo chain earns commissions on its members' orders (and loses some to refunds).
    const wallets = await verifyWallets();
    expect(wallets.mismatches).toEqual([]);
    expect(wallets.commissions).toBeGreaterThan(0);
    // The dashboard only reads: the demo leaves its rollups built, with the points it issued in them.
    expect(await rollupsRefreshedAt()).not.toBeNull();
    const [rollup] = rowsOf<{ days: number; issued: number }>(await db.execute(sql`select count(*)::int as days, coalesce(sum(points_issued), 0)::int as issued from analytics_daily`));
    const [ledger] = rowsOf<{ issued: number }>(await db.execute(sql`select coalesce(sum(points), 0)::int as issued from point_entries where type = 'earn'`));
    expect(rollup!.days).toBeGreaterThan(30);
    expect(rollup!.issued).toBe(ledger!.issued);
  }, 240_000); // the whole demo, seeded twice through the real use cases: minutes on PGlite under load
});
