import { ANALYTICS_TABLES, analyticsCsv, type AnalyticsTable } from "@/lib/admin/analytics/csv";
import { loadDashboard } from "@/lib/admin/analytics/dashboard";
import { parseRange } from "@/lib/admin/analytics/range";
import { localDay } from "@/lib/admin/analytics/refresh-rollups";
import { authorize, currentUser } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { isDomainError } from "@/lib/errors";

// GET /admin/analytics/export?table=…&range=…|from=…&to=… — one dashboard table as a CSV download; admin:analytics.
export async function GET(request: Request): Promise<Response> {
  try {
    authorize(await currentUser(), "admin:analytics");
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return new Response(e.message, { status: e.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const q = Object.fromEntries(new URL(request.url).searchParams);
  const name = q.table as AnalyticsTable;
  if (!ANALYTICS_TABLES.includes(name)) return new Response("unknown table", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  const range = parseRange(q, localDay(now()));
  const { filename, csv } = analyticsCsv(await loadDashboard(range), name);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
