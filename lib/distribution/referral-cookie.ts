// The distributor a visitor arrived through (/r/<code>), remembered for the attribution window
// (the cookie's max-age). Sign-up reads it: a code equal to the cookie's came through the link.
export const REFERRAL_COOKIE = "jf_ref";

export const encodeReferralCookie = (code: string) => code;

/** The code in the cookie, if it looks like one. */
export function decodeReferralCookie(value: string | undefined): string | null {
  const code = value?.trim().toUpperCase() ?? "";
  return /^[A-Z0-9]{4,12}$/.test(code) ? code : null;
}
