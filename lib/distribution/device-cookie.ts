// A first-party, long-lived random id for the browser, set by proxy.ts on the first page visit.
// Only its keyed hash is ever stored (members.signupDeviceHash, at sign-up): two accounts created in
// the same browser hash alike, which is a risk signal between a buyer and their upline. No
// node-only imports here: proxy.ts reads it.
export const DEVICE_COOKIE = "jf_dev";
/** Two years: long enough that a distributor's own browser still carries it when a fake buyer signs up. */
export const DEVICE_COOKIE_MAX_AGE = 2 * 365 * 86_400;

const DEVICE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The id in the cookie when it looks like one we set (anything else is ignored, not trusted). */
export function decodeDeviceCookie(value: string | undefined): string | null {
  const v = value?.trim().toLowerCase() ?? "";
  return DEVICE_ID.test(v) ? v : null;
}
