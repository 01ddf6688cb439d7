import { getTranslations } from "next-intl/server";
import { authorize, currentUser } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { EXPORT_KINDS, exportCsv, streamOf } from "@/lib/distribution/export-csv";
import { isDomainError } from "@/lib/errors";
import { resolveLocale } from "@/lib/i18n/request";

// GET /distributor/export/{commissions|team|payouts} — the signed-in distributor's own data as a streamed CSV, titles in the reader's language.
export async function GET(_request: Request, { params }: { params: Promise<{ kind: string }> }): Promise<Response> {
  let actor;
  try {
    actor = authorize(await currentUser(), "distributor:use");
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return new Response(e.message, { status: e.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const { kind: raw } = await params;
  const kind = EXPORT_KINDS.find((k) => k === raw);
  if (!kind) return new Response("not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const locale = await resolveLocale();
  const t = await getTranslations({ locale, namespace: "distributorPortal.export" });
  const stamp = now().toISOString().slice(0, 10).replace(/-/g, "");
  return new Response(streamOf(exportCsv(kind, actor.userId, (key) => t(key))), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${kind}-${stamp}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
