// The distributor's own leaderboard privacy choices (their row on distributors).
import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { distributors } from "@/db/schema";
import { DomainError } from "@/lib/errors";

export interface RankPrivacy {
  anonymous: boolean;
  hideAmounts: boolean;
}

export async function getRankPrivacy(distributorId: string, ex: Executor = db): Promise<RankPrivacy> {
  const [row] = await ex.select({ anonymous: distributors.rankAnonymous, hideAmounts: distributors.rankHideAmounts }).from(distributors).where(eq(distributors.memberId, distributorId));
  return row ?? { anonymous: false, hideAmounts: false };
}

export async function setRankPrivacy(distributorId: string, choice: RankPrivacy, ex: Executor = db): Promise<RankPrivacy> {
  const [row] = await ex
    .update(distributors)
    .set({ rankAnonymous: choice.anonymous, rankHideAmounts: choice.hideAmounts })
    .where(eq(distributors.memberId, distributorId))
    .returning({ anonymous: distributors.rankAnonymous, hideAmounts: distributors.rankHideAmounts });
  if (!row) throw new DomainError("not-found", "not a distributor");
  return row;
}
