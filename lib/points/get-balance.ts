import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { members, pointBalances } from "@/db/schema";

export interface BalanceView {
  available: number;
  pending: number;
  lifetimeEarned: number;
  debt: number;
  tierCode: string;
}

/** One primary-key read of the member's balance row (zeros before the first ledger entry). */
export async function getBalance(memberId: string, ex: Executor = db): Promise<BalanceView> {
  const [row] = await ex
    .select({
      available: pointBalances.available,
      pending: pointBalances.pending,
      lifetimeEarned: pointBalances.lifetimeEarned,
      debt: pointBalances.debt,
      tierCode: members.tierCode,
    })
    .from(members)
    .leftJoin(pointBalances, eq(pointBalances.memberId, members.id))
    .where(eq(members.id, memberId));
  return {
    available: row?.available ?? 0,
    pending: row?.pending ?? 0,
    lifetimeEarned: row?.lifetimeEarned ?? 0,
    debt: row?.debt ?? 0,
    tierCode: row?.tierCode ?? "regular",
  };
}
