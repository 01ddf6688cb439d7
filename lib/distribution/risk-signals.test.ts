import { describe, expect, test } from "vitest";
import { decodeDeviceCookie } from "./device-cookie";
import { deviceHash, normalisePayoutAccount, payoutAccountHash, signupIpHash } from "./fingerprint";
import { isSignupBurst, sharedFingerprintSignals, type Fingerprints } from "./risk";

const S = "unit-secret-0123456789";
const none: Fingerprints = { ipHash: null, deviceHash: null, payoutHashes: [] };

describe("sharedFingerprintSignals (buyer vs one upline member)", () => {
  test.each([
    ["nothing known on either side", none, none, []],
    ["same IP", { ...none, ipHash: "a" }, { ...none, ipHash: "a" }, ["shared-signup-ip"]],
    ["different IPs", { ...none, ipHash: "a" }, { ...none, ipHash: "b" }, []],
    ["only the upline's IP is known", none, { ...none, ipHash: "a" }, []],
    ["same browser", { ...none, deviceHash: "d" }, { ...none, deviceHash: "d" }, ["shared-device"]],
    ["one payout account in common", { ...none, payoutHashes: ["p", "q"] }, { ...none, payoutHashes: ["q"] }, ["shared-payout-account"]],
    ["no account in common", { ...none, payoutHashes: ["p"] }, { ...none, payoutHashes: ["q"] }, []],
    ["all three", { ipHash: "a", deviceHash: "d", payoutHashes: ["p"] }, { ipHash: "a", deviceHash: "d", payoutHashes: ["p"] }, ["shared-signup-ip", "shared-device", "shared-payout-account"]],
  ] as const)("%s", (_n, buyer, upline, expected) => {
    expect(sharedFingerprintSignals(buyer, upline)).toEqual(expected);
  });
});

describe("isSignupBurst", () => {
  test.each([
    [4, 5, false],
    [5, 5, true],
    [6, 5, true],
    [2, 2, true],
  ])("%i sign-ups, threshold %i → %s", (count, threshold, burst) => expect(isSignupBurst(count, { signupBurstCount: threshold })).toBe(burst));
});

describe("fingerprints are keyed hashes, never the raw values", () => {
  test("the sign-up IP: unknown addresses hash to nothing; case aside, equal addresses alike", () => {
    expect(signupIpHash("direct", S)).toBeNull();
    // A proxy's own address (Next fills X-Forwarded-For with the socket's): every sign-up would share it.
    for (const proxy of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "10.0.3.7", "172.20.0.2", "192.168.1.10", "fd00::5", "fe80::1", "100.64.0.1"]) expect(signupIpHash(proxy, S)).toBeNull();
    expect(signupIpHash("172.32.0.1", S)).not.toBeNull();
    expect(signupIpHash("  ", S)).toBeNull();
    expect(signupIpHash("2001:DB8::1", S)).toBe(signupIpHash("2001:db8::1", S));
    expect(signupIpHash("203.0.113.7", S)).not.toBe(signupIpHash("203.0.113.8", S));
    expect(signupIpHash("203.0.113.7", S)).not.toContain("203");
    // Another secret, another hash: nothing can be matched without the server's key.
    expect(signupIpHash("203.0.113.7", S)).not.toBe(signupIpHash("203.0.113.7", `${S}x`));
  });

  test("the device cookie: only ids we could have set; kinds are separated", () => {
    const id = "8d1f5c3e-8a0b-4c61-9a57-0c2b7d3e9f10";
    expect(decodeDeviceCookie(id.toUpperCase())).toBe(id);
    expect(decodeDeviceCookie("not-a-uuid")).toBeNull();
    expect(deviceHash(undefined, S)).toBeNull();
    expect(deviceHash(id, S)).toMatch(/^[\w-]{22}$/);
    expect(deviceHash(id, S)).not.toBe(payoutAccountHash(id, S));
  });

  test.each([
    ["6222 0202-0000 1234", "6222020200001234"],
    ["Li@Example.com", "li@example.com"],
    ["１３８ ００００ ００００", "13800000000"],
    ["wx_id.Tea（shop）", "wx_id.teashop"],
  ])("payout account %s normalises to %s", (raw, normal) => {
    expect(normalisePayoutAccount(raw)).toBe(normal);
    expect(payoutAccountHash(raw, S)).toBe(payoutAccountHash(normal, S));
  });

  test("an empty account hashes to nothing", () => expect(payoutAccountHash(" - ", S)).toBeNull());
});
