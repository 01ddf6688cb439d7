// What an uploaded file really is, from its first bytes — never from its name or the browser's
// Content-Type, both of which the uploader chooses. Only raster formats browsers show inline are
// accepted: SVG (it can carry script), HTML and everything else are refused.

export const IMAGE_TYPES = {
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
} as const;
export type ImageExt = keyof typeof IMAGE_TYPES;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function sniffImage(bytes: Uint8Array): { ext: ImageExt; contentType: string } | null {
  const ext: ImageExt | null = startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    ? "png"
    : startsWith(bytes, [0xff, 0xd8, 0xff])
      ? "jpg"
      : startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))
        ? "gif"
        : startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)
          ? "webp"
          : null;
  return ext ? { ext, contentType: IMAGE_TYPES[ext] } : null;
}
