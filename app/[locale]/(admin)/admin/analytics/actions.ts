"use server";

import { revalidatePath } from "next/cache";
import { refreshRollups } from "@/lib/admin/analytics/refresh-rollups";
import { requireAction } from "@/lib/auth/guard";

export interface RefreshState {
  status: "idle" | "refreshed" | "busy";
}

/** "Refresh now": brings the rollups up to date at once (the background job does it every minute). */
export async function refreshAnalyticsAction(): Promise<RefreshState> {
  await requireAction("admin:analytics");
  // Never queue behind a running refresh (the background job, cron, another admin): say so instead.
  const r = await refreshRollups({ wait: false });
  if (!r.ran) return { status: "busy" };
  revalidatePath("/admin/analytics");
  return { status: "refreshed" };
}
