// A new campaign or custom action rule starts as a draft (a key has no version until it is
// published), filled with a valid starting point the admin then edits.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { ruleVersions } from "@/db/schema";
import { now, DAY_MS } from "@/lib/clock";
import { env } from "@/lib/env";
import { DomainError, fieldErrors } from "@/lib/errors";
import { actionKey, actionRuleSchema, campaignKey, campaignRuleSchema, localizedTextSchema, ruleKindOf } from "../schema";
import { localParts } from "../time-zone";
import { getDraft, saveDraft } from "./save-draft";

export const startRuleSchema = z.strictObject({
  kind: z.enum(["campaign", "action"]),
  /** campaign: "holiday-week"; action: the event type the shop sends, e.g. "birthday" or "app.install". */
  slug: z.string().trim().toLowerCase().min(1).max(60),
  name: localizedTextSchema,
});
export type StartRuleInput = z.input<typeof startRuleSchema>;

export async function startRule(raw: StartRuleInput, actor: { userId: string }, ex: Executor = db): Promise<{ ruleKey: string }> {
  const parsed = startRuleSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError("invalid-request", "invalid new rule", { errors: fieldErrors(parsed.error.issues) });
  const { kind, slug, name } = parsed.data;
  const ruleKey = kind === "campaign" ? campaignKey(slug) : actionKey(slug);
  if (ruleKindOf(ruleKey) !== kind) {
    throw new DomainError("invalid-request", "invalid key", { errors: [{ path: "slug", message: "lowercase letters, digits and - (actions also . and _)" }], params: { reason: "slug" } });
  }
  const [exists] = await ex.select({ id: ruleVersions.id }).from(ruleVersions).where(eq(ruleVersions.ruleKey, ruleKey)).limit(1);
  if (exists) throw new DomainError("duplicate", `${ruleKey} exists`, { errors: [{ path: "slug", message: "a rule with this key exists" }] });
  if (await getDraft(ruleKey, actor, ex)) return { ruleKey };
  await saveDraft({ ruleKey, definition: kind === "campaign" ? starterCampaign(name) : actionRuleSchema.parse({ name, points: 10, maxPerMemberPerDay: 1 }) }, actor, ex);
  return { ruleKey };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A week-long ×2 campaign from tomorrow, wall-clock midnight in the deployment zone. */
function starterCampaign(name: z.infer<typeof localizedTextSchema>) {
  const day = (offset: number) => {
    const p = localParts(new Date(now().getTime() + offset * DAY_MS), env.DEPLOYMENT_TZ);
    return `${p.year}-${pad(p.month)}-${pad(p.day)}T00:00`;
  };
  return campaignRuleSchema.parse({ name, startsAt: day(1), endsAt: day(8), award: { kind: "multiplier", bps: 20_000 } });
}
