// Keyset cursors in admin URLs: base64url JSON of the last row's sort key (createdAt, id).
import { createdAtIdKey, decodeCursor, encodeCursor } from "@/lib/api/pagination";

export function readCursor(raw: unknown): { createdAt: Date; id: string } | undefined {
  if (typeof raw !== "string" || !raw) return undefined;
  const key = decodeCursor(createdAtIdKey, raw);
  return key ? { createdAt: new Date(key.createdAt), id: key.id } : undefined;
}

export function writeCursor(key: { createdAt: string | Date; id: string }): string {
  return encodeCursor({ createdAt: typeof key.createdAt === "string" ? key.createdAt : key.createdAt.toISOString(), id: key.id });
}
