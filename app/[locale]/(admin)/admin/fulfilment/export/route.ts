import { authorize, currentUser } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { isDomainError } from "@/lib/errors";
import { exportPackingList } from "@/lib/mall/admin/export-packing-list";
import { parseFulfilmentQuery } from "@/lib/mall/admin/fulfilment-query";

// GET /admin/fulfilment/export — the packing list (placed/processing goods within the queue's filters) as a CSV download; staff with admin:fulfilment.
export async function GET(request: Request): Promise<Response> {
  let staff;
  try {
    staff = authorize(await currentUser(), "admin:fulfilment");
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return new Response(e.message, { status: e.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const { csv } = await exportPackingList(parseFulfilmentQuery(Object.fromEntries(new URL(request.url).searchParams)), staff);
  const stamp = now().toISOString().slice(0, 10).replace(/-/g, "");
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="packing-list-${stamp}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
