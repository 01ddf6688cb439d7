"use server";

import { revalidatePath } from "next/cache";
import { requireAction } from "@/lib/auth/guard";
import { setRankPrivacy } from "@/lib/distribution/rank-privacy";

export interface RankPrivacyState {
  saved?: boolean;
}

// The signed-in distributor's own leaderboard privacy (the guard picks whose: nobody else's).
export async function saveRankPrivacyAction(_prev: RankPrivacyState, form: FormData): Promise<RankPrivacyState> {
  const actor = await requireAction("distributor:use");
  await setRankPrivacy(actor.userId, { anonymous: form.get("anonymous") === "on", hideAmounts: form.get("hideAmounts") === "on" });
  revalidatePath("/distributor/ranking");
  return { saved: true };
}
