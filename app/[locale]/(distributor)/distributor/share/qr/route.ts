import { authorize, currentUser } from "@/lib/auth/guard";
import { isDomainError } from "@/lib/errors";
import { qrPng, referralLinkOf } from "@/lib/distribution/referral-link";

// GET /distributor/share/qr — the signed-in distributor's referral link as a QR code PNG (a download).
export async function GET(): Promise<Response> {
  let actor;
  try {
    actor = authorize(await currentUser(), "distributor:use");
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return new Response(e.message, { status: e.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const ref = await referralLinkOf(actor.userId);
  if (!ref) return new Response("not a distributor", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const png = await qrPng(ref.link, 768);
  return new Response(new Uint8Array(png), {
    headers: {
      "content-type": "image/png",
      "content-disposition": `attachment; filename="referral-${ref.code}.png"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
