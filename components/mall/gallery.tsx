import { useTranslations } from "next-intl";
import type { RewardType } from "@/db/schema";
import { RewardImage } from "./reward-image";

/** The reward's pictures: one large, the others beside it in a row that scrolls on a phone. */
export function Gallery({ images, name, type }: { images: string[]; name: string; type: RewardType }) {
  const t = useTranslations("mall.detail");
  if (images.length <= 1) return <RewardImage src={images[0] ?? null} alt={name} type={type} priority sizes="(min-width: 768px) 28rem, 100vw" />;
  return (
    <ul className="relative -mx-3 flex snap-x snap-mandatory gap-2 overflow-x-auto px-3 sm:mx-0 sm:px-0" aria-label={t("pictures")}>
      {images.map((src, i) => (
        <li key={`${i}:${src}`} className="w-[85%] shrink-0 snap-center md:w-full">
          <RewardImage src={src} alt={t("imageAlt", { name, n: i + 1, total: images.length })} type={type} priority={i === 0} sizes="(min-width: 768px) 28rem, 85vw" />
        </li>
      ))}
    </ul>
  );
}
