import { readFile } from "node:fs/promises";
import { mediaFile } from "@/lib/mall/admin/media-file";

// GET /media/<sha256>.<ext> — an uploaded reward image, public. The name is its content's hash, so
// it never changes: cached for a year. Only names store-image.ts can write are looked up at all.
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const media = mediaFile(file);
  const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", "cache-control": "no-store" } });
  if (!media) return notFound();
  let body: Buffer;
  try {
    body = await readFile(media.path);
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": media.contentType,
      "content-length": String(body.byteLength),
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=31536000, immutable",
      etag: `"${file.slice(0, 64)}"`,
      // An image is never a document: even opened directly it runs nothing.
      "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "content-disposition": "inline",
    },
  });
}
