import { authorize, currentUser } from "@/lib/auth/guard";
import { exportPayouts } from "@/lib/distribution/admin-withdrawals";
import { isDomainError } from "@/lib/errors";

// GET /admin/withdrawals/export?from=YYYY-MM-DD&to=YYYY-MM-DD — approved payouts paid in that range as CSV; staff with admin:withdrawals (audited).
export async function GET(request: Request): Promise<Response> {
  const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  try {
    const staff = authorize(await currentUser(), "admin:withdrawals");
    const q = new URL(request.url).searchParams;
    const { csv, from, to } = await exportPayouts({ from: q.get("from") ?? undefined, to: q.get("to") ?? undefined }, staff);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="payouts-${from}-${to}.csv"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return text(e.errors.length ? `${e.message}: ${e.errors.map((x) => x.path).join(", ")}` : e.message, e.status);
  }
}
