// The signals beyond phone and address: the sign-up IP and browser shared by buyer and upline, a
// burst of sign-ups from one IP through one distributor, and a payout account shared by an upline
// and a downline member. Each: the pending commissions go on hold and a case is in the queue.
import { afterEach, describe, expect, test } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { commissions, members, riskCases, withdrawals } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { signUp } from "@/lib/members/sign-up";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { deviceHash, payoutAccountHash, signupIpHash } from "./fingerprint";
import { getWallet } from "./get-wallet";
import { requestWithdrawal } from "./request-withdrawal";
import { decideRiskCase, listRiskCases } from "./risk";
import { sweepReleases } from "./sweep-releases";
import { newDistributor, newMember, publishDistribution, testOrder } from "./testing";
import { verifyWallets } from "./verify-wallets";

const T0 = new Date("2026-11-23T04:00:00Z");
const SECRET = "test-secret-0123456789";
const admin = { userId: "0190f000-0000-7000-8000-00000000a001", email: "risk@test" };
const order = (buyer: string) => testOrder(buyer, { items: [{ sku: "X", quantity: 1, unitPriceCents: 10_000 }], shippingCents: 0 });
const casesOf = (distributorId: string) => db.select().from(riskCases).where(eq(riskCases.distributorId, distributorId));
const commissionOf = async (orderId: string, distributorId: string) =>
  (await db.select().from(commissions).where(and(eq(commissions.orderId, orderId), eq(commissions.distributorId, distributorId))))[0]!;
let n = 0;
const signUpUnder = (code: string, origin: { ipHash?: string | null; deviceHash?: string | null }) =>
  signUp({ email: `risk-${++n}-${Date.now()}@example.com`, password: "long-enough-pw", name: `Buyer ${n}`, referralCode: code }, db, origin);

afterEach(async () => {
  expect((await verifyWallets()).mismatches).toEqual([]);
});

describe("sign-up IP and browser shared with the upline (checked at ingestion)", () => {
  test("same sign-up IP: a case on the upline, the buyer's commission held; the queue lists it", async () => {
    freezeClock(T0);
    const top = await newDistributor();
    const d = await newDistributor(top.code);
    const ip = signupIpHash("203.0.113.7", SECRET);
    await db.update(members).set({ signupIpHash: ip }).where(eq(members.id, d.id));
    const { userId: buyer } = await signUpUnder(d.code, { ipHash: ip, deviceHash: deviceHash("8d1f5c3e-8a0b-4c61-9a57-0c2b7d3e9f10", SECRET) });
    const [stored] = await db.select({ ip: members.signupIpHash, device: members.signupDeviceHash }).from(members).where(eq(members.id, buyer));
    expect(stored).toEqual({ ip, device: expect.stringMatching(/^[\w-]{22}$/) }); // hashes only
    expect(JSON.stringify(stored)).not.toContain("203.0.113.7");

    const o = await ingestOrder(order(buyer), { actor: "t" });
    const [c] = await casesOf(d.id);
    expect(c).toMatchObject({ signal: "shared-signup-ip", buyerId: buyer, status: "open" });
    expect(await casesOf(top.id)).toEqual([]); // level 2 signed up elsewhere
    expect((await commissionOf(o.id, d.id)).heldByCaseId).toBe(c!.id);
    expect((await commissionOf(o.id, top.id)).heldByCaseId).toBeNull();
    const q = await listRiskCases();
    expect(q.rows.find((r) => r.riskCase.id === c!.id)).toMatchObject({ heldCount: 1, heldCents: 1000 });
  });

  test("same browser (device cookie): a case; different IPs do not matter; no cookie matches nothing", async () => {
    freezeClock(T0);
    const d = await newDistributor();
    const device = deviceHash("0b7e2d6c-1f3a-4e8b-9c5d-2a6f8e0d4b71", SECRET);
    await db.update(members).set({ signupDeviceHash: device, signupIpHash: signupIpHash("198.51.100.1", SECRET) }).where(eq(members.id, d.id));
    const { userId: buyer } = await signUpUnder(d.code, { ipHash: signupIpHash("198.51.100.2", SECRET), deviceHash: device });
    const { userId: other } = await signUpUnder(d.code, { ipHash: null, deviceHash: null });
    const o = await ingestOrder(order(buyer), { actor: "t" });
    await ingestOrder(order(other), { actor: "t" });
    const cases = await casesOf(d.id);
    expect(cases.map((c) => [c.signal, c.buyerId])).toEqual([["shared-device", buyer]]);
    expect((await commissionOf(o.id, d.id)).heldByCaseId).toBe(cases[0]!.id);
    // Past the free-up date the held one stays pending; the other buyer's frees up.
    freezeClock(new Date(new Date(o.commissions[0]!.availableAt).getTime() + DAY_MS));
    expect(await getWallet(d.id)).toMatchObject({ pendingCents: 1000, availableCents: 1000 });
  });
});

describe("a burst of sign-ups from one IP through one distributor", () => {
  test("the Nth within the window opens a case on the distributor: pending commissions held, the burst members' later ones too; thresholds come from the rule", async () => {
    const clock = freezeClock(T0);
    await publishDistribution({ risk: { signupBurstCount: 3, signupBurstMinutes: 10 } });
    try {
      const d = await newDistributor();
      const earlier = await newMember(d.code);
      const o1 = await ingestOrder(order(earlier), { actor: "t" }); // a pending commission before the burst
      const ip = signupIpHash("192.0.2.50", SECRET);
      await signUpUnder(d.code, { ipHash: ip });
      clock.advance(11 * 60_000);
      await signUpUnder(d.code, { ipHash: ip }); // the first is out of the 10-minute window now
      await signUpUnder(d.code, { ipHash: signupIpHash("192.0.2.51", SECRET) }); // another IP
      await signUpUnder(d.code, { ipHash: null }); // no IP known
      expect(await casesOf(d.id)).toEqual([]);
      clock.advance(60_000);
      await signUpUnder(d.code, { ipHash: ip });
      expect(await casesOf(d.id)).toEqual([]); // 2 in the window
      clock.advance(60_000);
      const { userId: third } = await signUpUnder(d.code, { ipHash: ip });
      const [c] = await casesOf(d.id);
      expect(c).toMatchObject({ signal: "signup-burst", buyerId: null, status: "open", details: { count: 3, minutes: 10, threshold: 3, memberId: third } });
      expect((await commissionOf(o1.id, d.id)).heldByCaseId).toBe(c!.id);
      // While the case is open, a burst member's order joins the hold; another buyer's does not.
      const o2 = await ingestOrder(order(third), { actor: "t" });
      expect((await commissionOf(o2.id, d.id)).heldByCaseId).toBe(c!.id);
      const o3 = await ingestOrder(order(earlier), { actor: "t" });
      expect((await commissionOf(o3.id, d.id)).heldByCaseId).toBeNull();
      await decideRiskCase(c!.id, { decision: "release", reason: "a school club signing up together" }, admin);
      expect((await commissionOf(o2.id, d.id)).heldByCaseId).toBeNull();
    } finally {
      await publishDistribution({});
    }
  });
});

describe("a payout account shared by an upline and a downline member", () => {
  test("found at a withdrawal request and at the next order: the upline's commissions from that member are held", async () => {
    const clock = freezeClock(T0);
    const top = await newDistributor();
    const d = await newDistributor(top.code);
    const b = await newDistributor(d.code); // a downline distributor
    const x = await newMember(b.code);
    const first = await ingestOrder(order(x), { actor: "t" }); // b earns 1000, d 500 — twice
    await ingestOrder(order(x), { actor: "t" });
    clock.set(new Date(new Date(first.commissions[0]!.availableAt).getTime() + DAY_MS));
    await sweepReleases();
    await requestWithdrawal(b.id, { amountCents: 1000, payoutAccount: { method: "bank", account: "6222-0202-0000-1234" } }, { actor: "t" });
    expect(await casesOf(d.id)).toEqual([]); // nobody else uses it yet
    const own = await ingestOrder(order(b.id), { actor: "t" }); // d earns 1000 on b's own order (pending)

    // d asks to be paid to the same account, typed differently: the hashes match.
    const w = await requestWithdrawal(d.id, { amountCents: 1000, payoutAccount: { method: "alipay", account: " 6222 0202 0000 1234 " } }, { actor: "t" });
    const [stored] = await db.select({ hash: withdrawals.payoutAccountHash }).from(withdrawals).where(eq(withdrawals.id, w.id));
    expect(stored!.hash).toBe(payoutAccountHash("62220202-00001234"));
    const [c] = await casesOf(d.id);
    expect(c).toMatchObject({ signal: "shared-payout-account", buyerId: b.id, details: { withdrawalId: w.id, depth: 1 } });
    expect((await commissionOf(own.id, d.id)).heldByCaseId).toBe(c!.id);
    expect(await casesOf(top.id)).toEqual([]);

    // b's next order: the same signal at ingestion joins the open case.
    const next = await ingestOrder(order(b.id), { actor: "t" });
    expect(await casesOf(d.id)).toHaveLength(1);
    expect((await commissionOf(next.id, d.id)).heldByCaseId).toBe(c!.id);
    const q = await listRiskCases();
    expect(q.rows.find((r) => r.riskCase.id === c!.id)).toMatchObject({ heldCount: 2, heldCents: 2000 });
  });
});
