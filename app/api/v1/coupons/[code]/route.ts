import { apiRoute, ok } from "@/lib/api/route";
import { getCoupon } from "@/lib/api/v1/mall";
import { getCoupon as find } from "@/lib/mall/use-coupon";

// GET /api/v1/coupons/{code} — look up a coupon code
export const GET = apiRoute(getCoupon, async ({ params }) => ok(await find(params.code)));
