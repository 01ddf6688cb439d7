// The app's messages per locale: the core file (messages/<locale>.json) plus one file per feature
// area (messages/<area>/<locale>.json), so areas can grow without editing one shared file. Each area
// file owns distinct top-level namespaces; a clash is a bug caught by the parity test.
import core from "@/messages/en.json" with { type: "json" };
import coreZh from "@/messages/zh-CN.json" with { type: "json" };
import adminConsole from "@/messages/admin-console/en.json" with { type: "json" };
import adminConsoleZh from "@/messages/admin-console/zh-CN.json" with { type: "json" };
import adminMall from "@/messages/admin-mall/en.json" with { type: "json" };
import adminMallZh from "@/messages/admin-mall/zh-CN.json" with { type: "json" };
import distribution from "@/messages/distribution/en.json" with { type: "json" };
import distributionZh from "@/messages/distribution/zh-CN.json" with { type: "json" };
import mall from "@/messages/mall/en.json" with { type: "json" };
import rulesEditor from "@/messages/rules-editor/en.json" with { type: "json" };
import rulesEditorZh from "@/messages/rules-editor/zh-CN.json" with { type: "json" };
import mallZh from "@/messages/mall/zh-CN.json" with { type: "json" };
import referral from "@/messages/referral/en.json" with { type: "json" };
import referralZh from "@/messages/referral/zh-CN.json" with { type: "json" };
import distributorPortal from "@/messages/distributor-portal/en.json" with { type: "json" };
import distributorPortalZh from "@/messages/distributor-portal/zh-CN.json" with { type: "json" };
import adminDistribution from "@/messages/admin-distribution/en.json" with { type: "json" };
import adminDistributionZh from "@/messages/admin-distribution/zh-CN.json" with { type: "json" };
import adminMembers from "@/messages/admin-members/en.json" with { type: "json" };
import adminMembersZh from "@/messages/admin-members/zh-CN.json" with { type: "json" };
import analytics from "@/messages/analytics/en.json" with { type: "json" };
import analyticsZh from "@/messages/analytics/zh-CN.json" with { type: "json" };
import type { Locale } from "./locales";

export type Messages = Record<string, unknown>;

/** Per locale, the message files in load order (core first). */
export const MESSAGE_FILES: Record<Locale, Messages[]> = {
  en: [core, mall, adminMall, adminConsole, distribution, rulesEditor, referral, distributorPortal, adminDistribution, adminMembers, analytics],
  "zh-CN": [coreZh, mallZh, adminMallZh, adminConsoleZh, distributionZh, rulesEditorZh, referralZh, distributorPortalZh, adminDistributionZh, adminMembersZh, analyticsZh],
};

/** Top-level namespaces defined by more than one file (must be empty). */
export function namespaceClashes(files: Messages[]): string[] {
  const clashes: string[] = [];
  for (const [i, f] of files.entries()) for (const k of Object.keys(f)) if (files.slice(0, i).some((g) => k in g)) clashes.push(k);
  return clashes;
}

export function messagesFor(locale: Locale): Messages {
  return Object.assign({}, ...MESSAGE_FILES[locale]) as Messages;
}
