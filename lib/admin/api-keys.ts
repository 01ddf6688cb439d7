import { createHash, randomInt } from "node:crypto";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { API_SCOPES, apiKeys, type ApiScope } from "@/db/schema";
import { now } from "@/lib/clock";
import { DomainError, fieldErrors } from "@/lib/errors";
import { newId } from "@/lib/ids";

// Integration API keys. Only a SHA-256 of the secret is stored, so a leaked database does not leak
// working keys; the secret is returned once by createApiKey and never again.
//
// Audit hook: every writer takes an optional `ex`. The admin action that calls it opens a
// transaction, calls createApiKey/revokeApiKey with that `tx`, and writes its audit_log row in the
// same `tx` using the returned `ApiKeyInfo` as before/after — so the key and its audit entry commit
// together. Nothing here writes audit rows itself.

const LIVE_PREFIX = "jf_live_";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** lastUsedAt is a hint for admins, not an audit trail: written at most once a minute per key. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** What an admin may see about a key (never the hash). */
export type ApiKeyInfo = Omit<typeof apiKeys.$inferSelect, "secretHash">;

/** Who is calling the Integration API; use cases receive it as `actor`. */
export interface ApiKeyActor {
  kind: "apiKey";
  apiKeyId: string;
  name: string;
  scopes: ApiScope[];
  /** For audit_log.actorLabel. */
  label: string;
}

const info = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdBy: apiKeys.createdBy,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** `jf_live_` + 32 base62 characters (~190 bits): easy to select with a double click, easy to grep for in leaks. */
export function generateSecret(): string {
  let s = LIVE_PREFIX;
  for (let i = 0; i < 32; i++) s += BASE62[randomInt(62)];
  return s;
}

/** Enough of the secret to recognise it in a list, not enough to matter (4 of 32 random characters). */
export function displayPrefix(secret: string): string {
  return secret.startsWith(LIVE_PREFIX) ? secret.slice(0, LIVE_PREFIX.length + 4) : secret.slice(0, 4);
}

const createInput = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(API_SCOPES)).min(1).transform((s) => Array.from(new Set(s))),
  createdBy: z.uuid().nullish(),
});

export async function createApiKey(
  input: { name: string; scopes: ApiScope[]; createdBy?: string | null },
  ex: Executor = db,
): Promise<{ id: string; secret: string; key: ApiKeyInfo }> {
  const parsed = createInput.safeParse(input);
  if (!parsed.success) throw new DomainError("invalid-request", "invalid API key", { errors: fieldErrors(parsed.error.issues) });
  const secret = generateSecret();
  const [key] = await ex
    .insert(apiKeys)
    .values({
      id: newId(),
      name: parsed.data.name,
      prefix: displayPrefix(secret),
      secretHash: hashSecret(secret),
      scopes: parsed.data.scopes,
      createdBy: parsed.data.createdBy ?? null,
      createdAt: now(),
    })
    .returning(info);
  return { id: key!.id, secret, key: key! };
}

/** Revokes at once (the next request with it is a 401). Revoking twice is harmless; an unknown id is not-found. */
export async function revokeApiKey(id: string, ex: Executor = db): Promise<ApiKeyInfo> {
  if (!z.uuid().safeParse(id).success) throw new DomainError("not-found", "no such API key");
  const [revoked] = await ex
    .update(apiKeys)
    .set({ revokedAt: now() })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning(info);
  if (revoked) return revoked;
  const [existing] = await ex.select(info).from(apiKeys).where(eq(apiKeys.id, id));
  if (!existing) throw new DomainError("not-found", "no such API key");
  return existing;
}

/** Every key, newest first, revoked ones included (an admin wants to see what was revoked). */
export async function listApiKeys(ex: Executor = db): Promise<ApiKeyInfo[]> {
  return ex.select(info).from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/**
 * The key for this secret, or null when it is unknown or revoked. The lookup is by hash on a
 * unique index, so timing says nothing about the secret. lastUsedAt is refreshed only when it is
 * over a minute old, and the update re-checks that condition, so a busy key costs one write a minute.
 */
export async function authenticateApiKey(secret: string, ex: Executor = db): Promise<ApiKeyInfo | null> {
  if (!secret) return null;
  const [key] = await ex.select(info).from(apiKeys).where(eq(apiKeys.secretHash, hashSecret(secret)));
  if (!key || key.revokedAt) return null;
  const t = now();
  const stale = new Date(t.getTime() - LAST_USED_RESOLUTION_MS);
  if (!key.lastUsedAt || key.lastUsedAt < stale) {
    await ex
      .update(apiKeys)
      .set({ lastUsedAt: t })
      .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))));
    key.lastUsedAt = t;
  }
  return key;
}

export function apiKeyActor(key: Pick<ApiKeyInfo, "id" | "name" | "scopes">): ApiKeyActor {
  return { kind: "apiKey", apiKeyId: key.id, name: key.name, scopes: key.scopes, label: `api-key:${key.name}` };
}

/**
 * BOOTSTRAP_API_KEY: makes sure a key with exactly this secret exists with every scope (so a fresh
 * instance can be scripted at once). Idempotent; a key an admin has revoked stays revoked, but
 * scopes added to the product later are granted on the next boot.
 */
export async function ensureBootstrapApiKey(secret: string, ex: Executor = db): Promise<string> {
  if (secret.length < 16) throw new DomainError("invalid-request", "BOOTSTRAP_API_KEY must be at least 16 characters");
  const [row] = await ex
    .insert(apiKeys)
    .values({
      id: newId(),
      name: "Bootstrap key",
      prefix: displayPrefix(secret),
      secretHash: hashSecret(secret),
      scopes: [...API_SCOPES],
      createdAt: now(),
    })
    .onConflictDoUpdate({ target: apiKeys.secretHash, set: { scopes: sql`excluded.scopes` } })
    .returning({ id: apiKeys.id });
  return row!.id;
}
