import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";

export interface AuditActor {
  userId: string;
  email: string;
}

/**
 * Appends to the audit log, in the same transaction as the change it records. There is no update
 * or delete anywhere in the code base for this table: it is append-only by construction.
 */
export async function audit(
  ex: Executor,
  actor: AuditActor,
  entry: { action: string; targetType: string; targetId?: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await ex.insert(auditLog).values({
    id: newId(),
    actorId: actor.userId,
    actorLabel: actor.email,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    createdAt: now(),
  });
}
