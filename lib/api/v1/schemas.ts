import { z } from "zod";

// Response shapes of the Integration API (API.md), documented in the OpenAPI file.
export const ledgerEntrySchema = z
  .object({
    id: z.string(),
    type: z.enum(["earn", "spend", "expire", "reverse", "restore", "adjust"]),
    points: z.int().describe("Signed: + credit, − debit"),
    balanceAfter: z.int().describe("Available balance after the entry"),
    reason: z.string(),
    orderId: z.string().nullable(),
    ruleVersionIds: z.array(z.string()),
    createdAt: z.string(),
  })
  .meta({ id: "LedgerEntry" });

export const memberSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    externalId: z.string().nullable(),
    tier: z.object({ code: z.string(), name: z.string(), names: z.object({ "zh-CN": z.string(), en: z.string() }) }),
    points: z.object({
      available: z.int(),
      pending: z.int(),
      debt: z.int(),
      lifetimeEarned: z.int(),
      expiring: z.array(z.object({ points: z.int(), expiresAt: z.string() })),
    }),
    referrerId: z.string().nullable(),
    distributor: z.object({ code: z.string(), level: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Member" });

export const orderResultSchema = z
  .object({
    id: z.string(),
    externalId: z.string(),
    memberId: z.string(),
    paidCents: z.int(),
    points: z.object({
      awarded: z.int(),
      status: z.enum(["pending", "available", "expired"]),
      availableAt: z.string(),
      ruleVersionIds: z.array(z.string()),
    }),
    pointsRedeemed: z.int(),
    commissions: z.array(
      z.object({ id: z.string(), distributorId: z.string(), level: z.int(), amountCents: z.int(), status: z.string(), availableAt: z.string() }),
    ),
  })
  .meta({ id: "OrderResult" });

export const refundResultSchema = z
  .object({
    refundId: z.string(),
    refundedCents: z.int(),
    pointsReversed: z.int(),
    pointsRestored: z.int(),
    commissionsReversed: z.array(z.object({ commissionId: z.string(), amountCents: z.int() })),
  })
  .meta({ id: "RefundResult" });

export const eventResultSchema = z
  .object({ pointsAwarded: z.int(), reason: z.string(), entries: z.array(ledgerEntrySchema), streak: z.int().optional() })
  .meta({ id: "EventResult" });

export const distributorResultSchema = z.object({ code: z.string(), level: z.string(), link: z.string() }).meta({ id: "DistributorLink" });
