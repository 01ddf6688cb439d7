"use server";

import { revalidatePath } from "next/cache";
import { requireAction } from "@/lib/auth/guard";
import { isDomainError } from "@/lib/errors";
import { recordEvent } from "@/lib/points/record-event";

export type CheckInResult =
  | { status: "idle" }
  | { status: "awarded"; points: number; streak: number }
  | { status: "already" }
  | { status: "frozen" }
  | { status: "unavailable" }
  | { status: "error" };

// Today's check-in. recordEvent keeps one check-in per member per local day under the member's
// ledger lock, so a double tap or a second tab never pays twice; the second answer is "already".
export async function checkInAction(): Promise<CheckInResult> {
  const actor = await requireAction("member:use");
  try {
    const r = await recordEvent({ memberId: actor.userId, type: "check-in" }, { actor: `user:${actor.userId}` });
    revalidatePath("/");
    if (r.pointsAwarded > 0) return { status: "awarded", points: r.pointsAwarded, streak: r.streak ?? 1 };
    if (r.reason === "already-checked-in" || r.reason === "cap-member-day") return { status: "already" };
    if (r.reason === "member-frozen") return { status: "frozen" };
    return { status: "unavailable" };
  } catch (e) {
    if (isDomainError(e)) return { status: "error" };
    throw e;
  }
}
