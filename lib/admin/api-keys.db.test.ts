import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { API_SCOPES, apiKeys } from "@/db/schema";
import { freezeClock, resetClock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { authenticateApiKey, createApiKey, ensureBootstrapApiKey, hashSecret, listApiKeys, revokeApiKey } from "./api-keys";

describe("API keys", () => {
  test("created keys: secret shown once, only its SHA-256 and a short prefix stored", async () => {
    const { id, secret, key } = await createApiKey({ name: "  Shopify  ", scopes: ["orders", "read", "orders"] });
    expect(secret).toMatch(/^jf_live_[0-9A-Za-z]{32}$/);
    expect(key).toMatchObject({ id, name: "Shopify", scopes: ["orders", "read"], prefix: secret.slice(0, 12), revokedAt: null });
    expect(key).not.toHaveProperty("secretHash");
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(row!.secretHash).toBe(hashSecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect((await createApiKey({ name: "b", scopes: ["read"] })).secret).not.toBe(secret);
  });

  test("bad input → invalid-request with field paths", async () => {
    await expect(createApiKey({ name: "", scopes: [] })).rejects.toMatchObject({ code: "invalid-request" });
    const err = await createApiKey({ name: "x", scopes: ["root" as never] }).catch((e: DomainError) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).errors[0]!.path).toBe("scopes.0");
  });

  test("authenticate: right secret → the key; wrong or revoked → null", async () => {
    const { id, secret } = await createApiKey({ name: "pos", scopes: ["events"] });
    expect((await authenticateApiKey(secret))?.id).toBe(id);
    expect(await authenticateApiKey(secret + "x")).toBeNull();
    expect(await authenticateApiKey("")).toBeNull();
    const revoked = await revokeApiKey(id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await authenticateApiKey(secret)).toBeNull();
    expect((await revokeApiKey(id)).revokedAt).toEqual(revoked.revokedAt); // twice is harmless
    await expect(revokeApiKey("0190a6a0-0000-7000-8000-00000000dead")).rejects.toMatchObject({ code: "not-found" });
    await expect(revokeApiKey("nope")).rejects.toMatchObject({ code: "not-found" });
  });

  test("lastUsedAt is written at most once a minute", async () => {
    const clock = freezeClock("2026-02-01T08:00:00Z");
    try {
      const { id, secret } = await createApiKey({ name: "erp", scopes: ["read"] });
      const lastUsed = async () => (await db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0]!.lastUsedAt?.toISOString();
      expect(await lastUsed()).toBeUndefined();
      await authenticateApiKey(secret);
      expect(await lastUsed()).toBe("2026-02-01T08:00:00.000Z");
      clock.advance(30_000);
      await authenticateApiKey(secret);
      expect(await lastUsed()).toBe("2026-02-01T08:00:00.000Z");
      clock.advance(31_000);
      await authenticateApiKey(secret);
      expect(await lastUsed()).toBe("2026-02-01T08:01:01.000Z");
    } finally {
      resetClock();
    }
  });

  test("list: newest first, revoked included, never a hash", async () => {
    const a = await createApiKey({ name: "list-a", scopes: ["read"] });
    const b = await createApiKey({ name: "list-b", scopes: ["read"] });
    await revokeApiKey(a.id);
    const list = await listApiKeys();
    const ids = list.map((k) => k.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    expect(list.find((k) => k.id === a.id)!.revokedAt).not.toBeNull();
    for (const k of list) expect(k).not.toHaveProperty("secretHash");
  });

  test("bootstrap key: exactly that secret, every scope, idempotent", async () => {
    const secret = "bootstrap-secret-for-tests-0001";
    const id = await ensureBootstrapApiKey(secret);
    expect(await ensureBootstrapApiKey(secret)).toBe(id);
    await Promise.all([ensureBootstrapApiKey(secret), ensureBootstrapApiKey(secret)]);
    const rows = await db.select().from(apiKeys).where(eq(apiKeys.secretHash, hashSecret(secret)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.scopes).toEqual([...API_SCOPES]);
    expect(rows[0]!.prefix).toBe("boot");
    expect((await authenticateApiKey(secret))?.id).toBe(id);
    await expect(ensureBootstrapApiKey("short")).rejects.toMatchObject({ code: "invalid-request" });
  });

  test("a bootstrap key an admin revoked stays revoked on the next boot", async () => {
    const secret = "bootstrap-secret-for-tests-0002";
    const id = await ensureBootstrapApiKey(secret);
    await revokeApiKey(id);
    await ensureBootstrapApiKey(secret);
    expect(await authenticateApiKey(secret)).toBeNull();
  });
});
