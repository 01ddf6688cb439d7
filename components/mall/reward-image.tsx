import Image from "next/image";
import type { RewardType } from "@/db/schema";
import { cn } from "@/components/ui/cn";

const TYPE_ICON: Record<RewardType, string> = { physical: "📦", coupon: "🎟", virtual: "✦" };

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
        <span aria-hidden className="flex h-full items-center justify-center text-4xl text-muted">
          {TYPE_ICON[type]}
        </span>
      )}
    </div>
  );
}
