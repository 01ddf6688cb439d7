import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import { db, type Executor } from "@/db/client";
import { distributors, users } from "@/db/schema";
import { env } from "@/lib/env";

export interface ReferralLink {
  code: string;
  link: string;
  name: string;
}

/** The distributor's code, public link and display name (null: not a distributor). */
export async function referralLinkOf(distributorId: string, ex: Executor = db): Promise<ReferralLink | null> {
  const [row] = await ex
    .select({ code: distributors.code, name: users.name })
    .from(distributors)
    .innerJoin(users, eq(users.id, distributors.memberId))
    .where(eq(distributors.memberId, distributorId));
  return row ? { code: row.code, link: `${env.APP_URL}/r/${row.code}`, name: row.name } : null;
}

// Error correction M (15 %): survives a crease or a small logo on a printed poster; a 4-module
// quiet zone as the QR standard asks.
const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;

export function qrPng(text: string, width = 512): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...QR_OPTIONS, type: "png", width });
}

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...QR_OPTIONS, type: "svg" });
}
