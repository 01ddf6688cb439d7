import { apiRoute, ok } from "@/lib/api/route";
import { useCoupon } from "@/lib/api/v1/mall";
import { useCoupon as markUsed } from "@/lib/mall/use-coupon";

// POST /api/v1/coupons/{code}/use — mark a coupon code used
export const POST = apiRoute(useCoupon, async ({ params, body, tx }) => ok(await markUsed({ code: params.code, reference: body.reference }, tx)));
