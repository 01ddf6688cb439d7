"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { saveRankPrivacyAction, type RankPrivacyState } from "@/app/[locale]/(distributor)/distributor/ranking/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { RankPrivacy } from "@/lib/distribution/rank-privacy";

/** How the distributor appears to others on the leaderboards. */
export function RankPrivacyForm({ initial }: { initial: RankPrivacy }) {
  const t = useTranslations("distributorPortal.ranking.privacy");
  const [state, action, pending] = useActionState<RankPrivacyState, FormData>(saveRankPrivacyAction, {});
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="rank-privacy">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">{t("legend")}</legend>
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input type="checkbox" name="anonymous" defaultChecked={initial.anonymous} className="size-5 accent-brand" />
          {t("anonymous")}
        </label>
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input type="checkbox" name="hideAmounts" defaultChecked={initial.hideAmounts} className="size-5 accent-brand" />
          {t("hideAmounts")}
        </label>
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("save")}
        </Button>
        {state.saved ? (
          <Alert tone="success">{t("saved")}</Alert>
        ) : null}
      </div>
    </form>
  );
}
