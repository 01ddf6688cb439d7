// The messages each part of the app sends to the browser. Server components translate on the
// server and send none; only client components need messages in the page's payload, and before
// this list every page carried all of them (~65 KB of JSON, a third of the mall page). The root
// layout sends `base`; each route group's layout adds its own. lib/i18n/client-messages.test.ts
// reads the source tree and fails when a client component uses a namespace its group does not send.
import type { Messages } from "./messages";

export const CLIENT_MESSAGES = {
  /** Every page: the shell, error and status pages, and keys that actions return (errors.*, validation.*). */
  base: ["app", "common", "shell", "status", "errors", "validation"],
  member: ["member", "mall", "redemptions", "coupons"],
  /** The cached mall catalogue (app/[locale]/(catalogue)): cards, shelves, the redeem panel. */
  catalogue: ["mall"],
  account: ["account", "auth", "addresses", "becomeDistributor", "adminDistribution", "birthday"],
  distributor: ["distribution", "referral", "distributorPortal"],
  admin: ["adminOrders", "apiKeys", "adminMall", "rules", "adminMembers", "referral", "adminUsers", "roles", "adminDistribution", "scheduledGrants", "birthday"],
  auth: ["auth", "adminUsers", "roles"],
} as const satisfies Record<string, readonly string[]>;

export type RouteGroup = Exclude<keyof typeof CLIENT_MESSAGES, "base">;

export function pickNamespaces(messages: Messages, namespaces: readonly string[]): Messages {
  return Object.fromEntries(namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]));
}

export const clientMessagesFor = (messages: Messages, group: RouteGroup | null): Messages =>
  pickNamespaces(messages, group ? [...CLIENT_MESSAGES.base, ...CLIENT_MESSAGES[group]] : CLIENT_MESSAGES.base);
