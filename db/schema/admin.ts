import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

// Append-only record of every admin action: who, when, what, before and after.
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid().primaryKey(),
    actorId: uuid(),
    actorLabel: text().notNull(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    before: jsonb(),
    after: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("audit_log_created_idx").on(t.createdAt.desc()), index("audit_log_target_idx").on(t.targetType, t.targetId)],
);

export const API_SCOPES = ["members", "orders", "events", "rewards", "redemptions", "read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

// Integration API keys: only a SHA-256 of the secret is stored; the secret is shown once.
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid().primaryKey(),
    name: text().notNull(),
    prefix: text().notNull(),
    secretHash: text().notNull(),
    scopes: text().array().$type<ApiScope[]>().notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("api_keys_hash_uq").on(t.secretHash)],
);

// Remembered responses for Idempotency-Key replays, scoped to the API key.
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    apiKeyId: uuid().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    status: integer(),
    body: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("idempotency_keys_pk").on(t.apiKeyId, t.key), index("idempotency_keys_created_idx").on(t.createdAt)],
);

// Small key/value facts about this installation (e.g. when the demo data was seeded).
export const appMeta = pgTable("app_meta", {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});
