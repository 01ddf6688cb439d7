// Keyed hashes behind the "shared" risk signals: the sign-up IP, the browser's device cookie and a
// payout account. HMAC with the server secret (as referral clicks hash their visitors): equal
// inputs hash alike, so matches are found with an index, but nothing stored can be turned back into
// an address or an account without the secret. Each kind is domain-separated, so an IP can never
// equal a device id or an account.
import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { decodeDeviceCookie } from "./device-cookie";

const defaultSecret = () => authSecret() ?? "jifen";

function keyedHash(kind: "ip" | "device" | "payout", value: string, secret: string): string {
  return createHmac("sha256", secret).update(`${kind}\n${value}`).digest("base64url").slice(0, 22);
}

/**
 * Whether an address can be a visitor's own: a loopback, private or link-local address is a proxy's
 * (Next itself fills X-Forwarded-For with the socket's address when nothing in front did), and
 * every sign-up through that proxy would share it — a false signal on every referral.
 */
export function isPublicIp(ip: string): boolean {
  const v = ip.trim().toLowerCase().replace(/^::ffff:/, "");
  if (!v || v === "direct" || v === "unknown") return false;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(v);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return !(a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127));
  }
  if (v.includes(":")) return !(v === "::" || v === "::1" || /^f[cd]/.test(v) || /^fe[89ab]/.test(v));
  return false;
}

/** The sign-up IP's hash, or null when the address is not a visitor's own (see isPublicIp). */
export function signupIpHash(ip: string, secret: string = defaultSecret()): string | null {
  if (!isPublicIp(ip)) return null;
  return keyedHash("ip", ip.trim().toLowerCase(), secret);
}

/** The device cookie's hash, or null without a well-formed cookie. */
export function deviceHash(cookie: string | undefined, secret: string = defaultSecret()): string | null {
  const id = decodeDeviceCookie(cookie);
  return id ? keyedHash("device", id, secret) : null;
}

/**
 * An account as people type it in different ways: case, spaces, dashes and full-width characters
 * aside ("6222 0202-0000 1234" = "6222020200001234", "Li@Example.com" = "li@example.com"). The
 * method is left out on purpose: the same phone number behind Alipay and WeChat is one person.
 */
export function normalisePayoutAccount(account: string): string {
  return account.normalize("NFKC").toLowerCase().replace(/[\s\-·()]/g, "");
}

export function payoutAccountHash(account: string, secret: string = defaultSecret()): string | null {
  const v = normalisePayoutAccount(account);
  return v ? keyedHash("payout", v, secret) : null;
}
