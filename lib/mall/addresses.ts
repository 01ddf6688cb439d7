// The member's address book (for physical rewards). Every use case takes the member id and touches
// only that member's rows: someone else's address id is "not found". A member's writes are
// serialised by a transaction-scoped advisory lock on their id, so "exactly one default" and the
// size cap hold under double clicks and parallel tabs. A redemption keeps its own copy of the
// address it shipped to (shippingAddressOf), so editing or deleting one never rewrites history.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db, type Executor, type Tx } from "@/db/client";
import { memberAddresses, type MemberAddress } from "@/db/schema";
import { now } from "@/lib/clock";
import { DomainError, fieldErrors } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { addressSchema, type Address } from "./reward-schema";

/** Most addresses one member may keep. */
export const MAX_ADDRESSES = 20;

/** The member's addresses: the default first, then oldest first (the order they were added). */
export function listAddresses(memberId: string, ex: Executor = db): Promise<MemberAddress[]> {
  return ex
    .select()
    .from(memberAddresses)
    .where(eq(memberAddresses.memberId, memberId))
    .orderBy(desc(memberAddresses.isDefault), asc(memberAddresses.createdAt), asc(memberAddresses.id));
}

export async function getAddress(memberId: string, addressId: string, ex: Executor = db): Promise<MemberAddress | null> {
  const [row] = await ex
    .select()
    .from(memberAddresses)
    .where(and(eq(memberAddresses.id, addressId), eq(memberAddresses.memberId, memberId)));
  return row ?? null;
}

/** What a redemption stores: the address as it was, without the address book's bookkeeping. */
export function shippingAddressOf(a: Pick<MemberAddress, "recipient" | "phone" | "region" | "line" | "postalCode">): Record<string, string | null> {
  return { recipient: a.recipient, phone: a.phone, region: a.region, line: a.line, postalCode: a.postalCode ?? null };
}

function parse(input: unknown): Address {
  const parsed = addressSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("invalid-request", "invalid address", { errors: fieldErrors(parsed.error.issues) });
  return parsed.data;
}

const values = (a: Address) => ({ recipient: a.recipient, phone: a.phone, region: a.region, line: a.line, postalCode: a.postalCode || null });

async function lockBook(tx: Tx, memberId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`member-addresses:${memberId}`}))`);
}

/** Makes `addressId` the one default among the member's addresses (one statement). */
async function makeDefault(tx: Tx, memberId: string, addressId: string, at: Date): Promise<void> {
  await tx
    .update(memberAddresses)
    .set({ isDefault: sql`${memberAddresses.id} = ${addressId}::uuid`, updatedAt: at })
    .where(and(eq(memberAddresses.memberId, memberId), sql`${memberAddresses.isDefault} <> (${memberAddresses.id} = ${addressId}::uuid)`));
}

/** Adds an address. The first one is the default; `makeDefault` makes a later one the default. */
export async function addAddress(memberId: string, input: unknown, opts: { makeDefault?: boolean } = {}, ex: Executor = db): Promise<MemberAddress> {
  const a = parse(input);
  return ex.transaction(async (tx) => {
    await lockBook(tx, memberId);
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(memberAddresses).where(eq(memberAddresses.memberId, memberId));
    if (Number(n) >= MAX_ADDRESSES) throw new DomainError("conflict", `at most ${MAX_ADDRESSES} addresses`, { params: { max: MAX_ADDRESSES } });
    const at = now();
    const id = newId();
    const isDefault = Number(n) === 0 || Boolean(opts.makeDefault);
    const [row] = await tx.insert(memberAddresses).values({ id, memberId, ...values(a), isDefault: false, createdAt: at, updatedAt: at }).returning();
    if (isDefault) await makeDefault(tx, memberId, id, at);
    return { ...row!, isDefault };
  });
}

/** Replaces an address's fields; `makeDefault` also makes it the default. */
export async function updateAddress(memberId: string, addressId: string, input: unknown, opts: { makeDefault?: boolean } = {}, ex: Executor = db): Promise<MemberAddress> {
  const a = parse(input);
  return ex.transaction(async (tx) => {
    await lockBook(tx, memberId);
    const at = now();
    const [row] = await tx
      .update(memberAddresses)
      .set({ ...values(a), updatedAt: at })
      .where(and(eq(memberAddresses.id, addressId), eq(memberAddresses.memberId, memberId)))
      .returning();
    if (!row) throw new DomainError("not-found", "no such address");
    if (opts.makeDefault && !row.isDefault) {
      await makeDefault(tx, memberId, addressId, at);
      return { ...row, isDefault: true };
    }
    return row;
  });
}

export async function setDefaultAddress(memberId: string, addressId: string, ex: Executor = db): Promise<void> {
  await ex.transaction(async (tx) => {
    await lockBook(tx, memberId);
    if (!(await getAddress(memberId, addressId, tx))) throw new DomainError("not-found", "no such address");
    await makeDefault(tx, memberId, addressId, now());
  });
}

/** Deletes an address; when it was the default, the oldest remaining one becomes the default. */
export async function deleteAddress(memberId: string, addressId: string, ex: Executor = db): Promise<void> {
  await ex.transaction(async (tx) => {
    await lockBook(tx, memberId);
    const [gone] = await tx
      .delete(memberAddresses)
      .where(and(eq(memberAddresses.id, addressId), eq(memberAddresses.memberId, memberId)))
      .returning({ isDefault: memberAddresses.isDefault });
    if (!gone) throw new DomainError("not-found", "no such address");
    if (gone.isDefault) {
      const [next] = await tx
        .select({ id: memberAddresses.id })
        .from(memberAddresses)
        .where(eq(memberAddresses.memberId, memberId))
        .orderBy(asc(memberAddresses.createdAt), asc(memberAddresses.id))
        .limit(1);
      if (next) await makeDefault(tx, memberId, next.id, now());
    }
  });
}
