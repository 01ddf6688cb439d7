// Storing an uploaded image: checked by size and by its magic bytes, then written under UPLOAD_DIR
// as <sha256>.<ext>. Content addressing makes a re-upload free, lets /media answer with an
// immutable cache header, and means two instances writing the same picture write the same file
// (written to a temporary name, then renamed, so a reader never sees half a file).
import { createHash, randomBytes } from "node:crypto";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { sniffImage } from "./image-type";
import { mediaUrl } from "./media-file";

export interface StoredImage {
  file: string;
  url: string;
  contentType: string;
  bytes: number;
}

/** The upload's kind if it is an acceptable image; a DomainError on the "image" field if not. Writes nothing. */
export function checkImage(bytes: Uint8Array, maxBytes: number = env.UPLOAD_MAX_BYTES): { ext: string; contentType: string } {
  const refuse = (message: string, params: Record<string, number> = {}) =>
    new DomainError("invalid-request", message, { errors: [{ path: "image", message }], params });
  if (bytes.byteLength === 0) throw refuse("empty");
  if (bytes.byteLength > maxBytes) throw refuse("too-large", { maxBytes });
  const kind = sniffImage(bytes);
  if (!kind) throw refuse("not-an-image");
  return kind;
}

export async function storeImage(
  bytes: Uint8Array,
  { dir = env.UPLOAD_DIR, maxBytes = env.UPLOAD_MAX_BYTES }: { dir?: string; maxBytes?: number } = {},
): Promise<StoredImage> {
  const kind = checkImage(bytes, maxBytes);

  const file = `${createHash("sha256").update(bytes).digest("hex")}.${kind.ext}`;
  // The upload folder is configuration, not part of the build: keep the bundler from tracing it.
  const target = path.join(/*turbopackIgnore: true*/ path.resolve(/*turbopackIgnore: true*/ dir), file);
  await mkdir(path.dirname(target), { recursive: true });
  if (!(await exists(target))) {
    const tmp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await writeFile(tmp, bytes, { flag: "wx" });
      await rename(tmp, target);
    } finally {
      await rm(tmp, { force: true });
    }
  }
  return { file, url: mediaUrl(file), contentType: kind.contentType, bytes: bytes.byteLength };
}

async function exists(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}
