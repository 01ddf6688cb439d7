// Where a stored upload lives and how it is served. A file name is exactly what store-image.ts
// writes — 64 hex digits of SHA-256 and a known extension — so a request can only name such a
// file inside UPLOAD_DIR: "..", slashes, encoded separators and NUL bytes never match.
import path from "node:path";
import { env } from "@/lib/env";
import { IMAGE_TYPES, type ImageExt } from "./image-type";

const NAME = /^[0-9a-f]{64}\.(png|jpg|webp|gif)$/;

export const MEDIA_PREFIX = "/media/";

export function mediaUrl(file: string): string {
  return `${MEDIA_PREFIX}${file}`;
}

/** The file on disk and its Content-Type for a /media/<file> name, or null if no upload can have that name. */
export function mediaFile(name: string, dir: string = env.UPLOAD_DIR): { path: string; contentType: string } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const root = path.resolve(/*turbopackIgnore: true*/ dir);
  const full = path.join(/*turbopackIgnore: true*/ root, name);
  // Belt and braces: the pattern already rules out anything that could leave the folder.
  if (path.dirname(full) !== root) return null;
  return { path: full, contentType: IMAGE_TYPES[m[1] as ImageExt] };
}
