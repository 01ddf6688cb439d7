"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db/client";
import { API_SCOPES } from "@/db/schema";
import { audit } from "@/lib/admin/audit";
import { firstRefusal } from "@/lib/actions/action-result";
import { createApiKey, revokeApiKey } from "@/lib/admin/api-keys";
import { requireAction } from "@/lib/auth/guard";

export interface CreateKeyState {
  errors?: Record<string, string>;
  created?: { name: string; secret: string };
}

const createSchema = z.object({
  name: z.string().trim().min(1, { error: "validation.required" }).max(60, { error: "validation.nameMax" }),
  scopes: z.array(z.enum(API_SCOPES)).min(1, { error: "apiKeys.errors.scopes" }),
});

/** Creates a key; the secret is returned once, to this response only, and never stored in clear. */
export async function createApiKeyAction(_prev: CreateKeyState, form: FormData): Promise<CreateKeyState> {
  const actor = await requireAction("admin:api-keys");
  const parsed = createSchema.safeParse({ name: form.get("name"), scopes: form.getAll("scopes") });
  if (!parsed.success) return { errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) };
  let created: Awaited<ReturnType<typeof createApiKey>>;
  try {
    created = await db.transaction(async (tx) => {
      const k = await createApiKey({ ...parsed.data, createdBy: actor.userId }, tx);
      await audit(tx, actor, { action: "api-key.create", targetType: "api-key", targetId: k.id, after: { name: parsed.data.name, scopes: parsed.data.scopes } });
      return k;
    });
  } catch (e) {
    // Refused input (a NUL in the name is refused at the database boundary): shown on the name field.
    return { errors: { name: firstRefusal(e, { rethrow: (d) => d.code !== "invalid-request" }).key } };
  }
  revalidatePath("/admin/api-keys");
  return { created: { name: parsed.data.name, secret: created.secret } };
}

export async function revokeApiKeyAction(form: FormData): Promise<void> {
  const actor = await requireAction("admin:api-keys");
  const id = z.uuid().safeParse(form.get("id"));
  if (!id.success) return; // not a key's id: nothing to revoke
  await db.transaction(async (tx) => {
    const before = await revokeApiKey(id.data, tx);
    await audit(tx, actor, { action: "api-key.revoke", targetType: "api-key", targetId: id.data, before: { name: before.name, scopes: before.scopes } });
  });
  revalidatePath("/admin/api-keys");
}
