// Test fixtures for distribution: members, distributors bound in a chain, rule versions, orders.
import { eq, max } from "drizzle-orm";
import { db } from "@/db/client";
import { members, ruleVersions, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { createOrderSchema, type CreateOrder, type CreateOrderInput } from "@/lib/orders/schemas";
import { distributionRuleSchema, type DistributionRuleInput } from "@/lib/rules/schema";
import { bindReferrer } from "./bind-referrer";
import { makeDistributor } from "./make-distributor";

export async function newMember(referrerCode?: string): Promise<string> {
  const id = newId();
  const at = now();
  await db.insert(users).values({ id, email: `${id}@dist.test`, name: "Test", createdAt: at, updatedAt: at });
  await db.insert(members).values({ id, createdAt: at });
  if (referrerCode) await db.transaction((tx) => bindReferrer(tx, id, referrerCode));
  return id;
}

/** A distributor, optionally under another distributor's code. */
export async function newDistributor(referrerCode?: string, level?: string): Promise<{ id: string; code: string }> {
  const id = await newMember(referrerCode);
  const { code } = await makeDistributor(id, { level });
  return { id, code };
}

/** A chain of `n` distributors, top first; the last one's code is where buyers bind. */
export async function distributorChain(n: number): Promise<{ id: string; code: string }[]> {
  const chain: { id: string; code: string }[] = [];
  for (let i = 0; i < n; i++) chain.push(await newDistributor(chain.at(-1)?.code));
  return chain;
}

/** Publishes a distribution rule version in force from the start of time (tests restore with {}). */
export async function publishDistribution(def: DistributionRuleInput): Promise<void> {
  const [row] = await db.select({ v: max(ruleVersions.version) }).from(ruleVersions).where(eq(ruleVersions.ruleKey, "distribution"));
  await db.insert(ruleVersions).values({
    id: newId(),
    ruleKey: "distribution",
    kind: "distribution",
    version: (row?.v ?? 0) + 1,
    definition: distributionRuleSchema.parse(def) as unknown as Record<string, unknown>,
    effectiveAt: new Date("2000-01-01T00:00:00Z"),
    note: "test",
    createdAt: now(),
  });
}

export const testOrder = (memberId: string, o: Partial<CreateOrderInput> = {}): CreateOrder =>
  createOrderSchema.parse({
    externalId: `SO-${newId()}`,
    memberId,
    items: [{ sku: "TEA-01", category: "drinks", quantity: 2, unitPriceCents: 5900, discountCents: 800 }],
    shippingCents: 1000,
    ...o,
  });
