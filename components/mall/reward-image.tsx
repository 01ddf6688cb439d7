import Image from "next/image";
import type { RewardType } from "@/db/schema";
import { cn } from "@/components/ui/cn";

// Drawn, not emoji: a phone without an emoji font (and headless browsers) would show an empty box.
const TYPE_ICON: Record<RewardType, string> = {
  physical: "M3 7.5 12 3l9 4.5v9L12 21l-9-4.5v-9Zm0 0 9 4.5m0 0 9-4.5M12 12v9", // a parcel
  coupon: "M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4V7Zm12 0v10", // a ticket with its stub
  virtual: "m12 3 2.6 5.6 6.1.7-4.5 4.2 1.2 6-5.4-3-5.4 3 1.2-6-4.5-4.2 6.1-.7L12 3Z", // a star
};

/**
 * A reward's picture in a square frame. Images are the catalogue's own (a path on this site or an
 * https URL, checked by the reward schema) and shown as they are: SVGs cannot go through the
 * optimiser, and members' phones get small files already.
 */
export function RewardImage({ src, alt, type, className, priority = false, sizes = "(min-width: 768px) 12rem, 10rem" }: { src: string | null; alt: string; type: RewardType; className?: string; priority?: boolean; sizes?: string }) {
  return (
    <div className={cn("relative aspect-square overflow-hidden rounded-xl bg-surface-2", className)}>
      {src ? (
        <Image src={src} alt={alt} fill unoptimized priority={priority} sizes={sizes} className="object-cover" />
      ) : (
        <span aria-hidden className="flex h-full items-center justify-center text-muted">
          <svg viewBox="0 0 24 24" className="h-1/3 w-1/3" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round">
            <path d={TYPE_ICON[type]} />
          </svg>
        </span>
      )}
    </div>
  );
}
