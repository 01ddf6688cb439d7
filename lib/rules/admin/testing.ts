// Test helpers for the rule editor's database tests.
import { db } from "@/db/client";
import { members, users } from "@/db/schema";
import type { AuditActor } from "@/lib/admin/audit";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { createOrderSchema, type CreateOrder, type CreateOrderInput } from "@/lib/orders/schemas";

export async function newAdmin(tag = "admin"): Promise<AuditActor> {
  const id = newId();
  const email = `${tag}-${id}@t.test`;
  await db.insert(users).values({ id, email, roles: ["admin"], createdAt: now(), updatedAt: now() });
  return { userId: id, email };
}

export async function newMember(tierCode = "regular"): Promise<string> {
  const id = newId();
  await db.insert(users).values({ id, email: `${id}@t.test`, createdAt: now(), updatedAt: now() });
  await db.insert(members).values({ id, tierCode, createdAt: now() });
  return id;
}

/** ¥110 of goods after discounts (+ ¥10 shipping): 110 points under the default rules. */
export const order = (memberId: string, o: Partial<CreateOrderInput> = {}): CreateOrder =>
  createOrderSchema.parse({
    externalId: `SO-${newId()}`,
    memberId,
    items: [{ sku: "TEA-01", category: "drinks", quantity: 2, unitPriceCents: 5900, discountCents: 800 }],
    shippingCents: 1000,
    ...o,
  });
