import { and, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { ruleDrafts } from "@/db/schema";

/** Throws the admin's draft of a key away (nothing else changes). Returns whether there was one. */
export async function discardDraft(ruleKey: string, actor: { userId: string }, ex: Executor = db): Promise<boolean> {
  const rows = await ex.delete(ruleDrafts).where(and(eq(ruleDrafts.ruleKey, ruleKey), eq(ruleDrafts.createdBy, actor.userId))).returning({ id: ruleDrafts.id });
  return rows.length > 0;
}
