"use client";

import { useActionState } from "react";
import { refreshAnalyticsAction, type RefreshState } from "@/app/[locale]/(admin)/admin/analytics/actions";
import { Button } from "@/components/ui/button";

export interface RefreshLabels {
  refresh: string;
  refreshing: string;
  refreshed: string;
  busy: string;
}

/**
 * "Refresh now" beside the dashboard's "data as of": pending while the refresh runs, then its
 * outcome, spoken. The page passes its words (the analytics messages stay on the server).
 */
export function RefreshButton({ labels }: { labels: RefreshLabels }) {
  const [state, action, pending] = useActionState<RefreshState>(refreshAnalyticsAction, { status: "idle" });
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? labels.refreshing : labels.refresh}
      </Button>
      <p role="status" aria-live="polite" className="text-sm text-muted">
        {pending ? null : state.status === "refreshed" ? labels.refreshed : state.status === "busy" ? labels.busy : null}
      </p>
    </form>
  );
}
