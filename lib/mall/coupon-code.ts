// Coupon codes generated from a merchant's pattern: X = letter or digit, A = letter, 9 = digit,
// anything else is literal ("JF-XXXX-9999"). Letters and digits that read alike (0/O, 1/I/L) are
// left out so a code read aloud at a till is typed right.
import { randomInt } from "node:crypto";

const LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ";
const DIGITS = "23456789";
const ALNUM = LETTERS + DIGITS;

export const DEFAULT_COUPON_PATTERN = "XXXX-XXXX-XXXX";

/** The number of random characters in a pattern (its entropy in symbols). */
export function randomSlots(pattern: string): number {
  return [...pattern].filter((c) => c === "X" || c === "A" || c === "9").length;
}

/** A pattern must carry enough randomness that codes cannot be guessed or run out (≥ 8 slots). */
export function patternError(pattern: string): string | null {
  if (pattern.length > 40) return "at most 40 characters";
  if (!/^[A-Z0-9-]+$/.test(pattern)) return "only A–Z, 0–9 and '-'";
  if (randomSlots(pattern) < 8) return "needs at least 8 random characters (X, A or 9)";
  return null;
}

export function generateCode(pattern: string, pick: (n: number) => number = randomInt): string {
  return [...pattern]
    .map((c) => (c === "X" ? ALNUM[pick(ALNUM.length)] : c === "A" ? LETTERS[pick(LETTERS.length)] : c === "9" ? DIGITS[pick(DIGITS.length)] : c))
    .join("");
}
