// The distributor a visitor arrived through (/r/<code>), remembered for the attribution window.
export const REFERRAL_COOKIE = "jf_ref";
export const DEFAULT_ATTRIBUTION_DAYS = 30;
