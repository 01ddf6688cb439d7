/**
 * A reward's picture in admin tables. A plain <img>: the URL may be any https address the merchant
 * typed (reward-schema allows it), which next/image would need configured host by host. Decorative:
 * the name next to it says what it is.
 */
export function RewardThumb({ src, size = 48 }: { src: string | null; size?: number }) {
  if (!src) return <span aria-hidden className="block shrink-0 rounded-lg bg-surface-2" style={{ width: size, height: size }} />;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- arbitrary merchant URLs, see above
    <img src={src} alt="" width={size} height={size} loading="lazy" className="shrink-0 rounded-lg border border-border bg-surface-2 object-cover" style={{ width: size, height: size }} />
  );
}
