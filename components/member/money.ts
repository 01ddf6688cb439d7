import { env } from "@/lib/env";

type NumberFormatter = { number(value: number, options?: Intl.NumberFormatOptions): string };

/**
 * Integer cents in the deployment currency, as the member reads it: "¥20.00" (the narrow symbol, not
 * "CN¥", in every language). `whole` drops ".00" on round amounts ("1 point per ¥1").
 */
export function formatMoney(format: NumberFormatter, cents: number, { whole = false }: { whole?: boolean } = {}): string {
  const round = whole && cents % 100 === 0;
  return format.number(cents / 100, { style: "currency", currency: env.CURRENCY, currencyDisplay: "narrowSymbol", ...(round ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}) });
}
