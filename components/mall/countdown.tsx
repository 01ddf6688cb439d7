"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/** "1d 02h" beyond a day, "02:03:04" within one. */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number; seconds: number } {
  const s = Math.max(0, Math.floor(ms / 1000));
  return { days: Math.floor(s / 86_400), hours: Math.floor((s % 86_400) / 3_600), minutes: Math.floor((s % 3_600) / 60), seconds: s % 60 };
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Time left until `to` ("Ends in 02:03:04" / "Opens in 1d 02h"), ticking every second. The first
 * render uses the server's clock (`serverNow`) so it matches the server's HTML; afterwards the
 * browser's clock, corrected by the difference between the two. At zero the page is refreshed
 * once, so a flash reward that just opened becomes redeemable without a reload.
 * Not a live region: a ticking clock read aloud every second helps nobody.
 */
export function Countdown({ to, serverNow, kind, className }: { to: string; serverNow: string; kind: "ends" | "opens"; className?: string }) {
  const t = useTranslations("mall.countdown");
  const router = useRouter();
  const target = new Date(to).getTime();
  const [now, setNow] = useState(() => new Date(serverNow).getTime());
  const refreshed = useRef(false);

  useEffect(() => {
    const skew = new Date(serverNow).getTime() - Date.now();
    const tick = () => setNow(Date.now() + skew);
    tick();
    const id = window.setInterval(tick, 1000);
    return () => window.clearInterval(id);
  }, [serverNow]);

  const left = target - now;
  useEffect(() => {
    if (left <= 0 && !refreshed.current) {
      refreshed.current = true;
      router.refresh();
    }
  }, [left, router]);

  const d = splitDuration(left);
  const time = d.days > 0 ? t("days", { days: d.days, hours: d.hours }) : `${pad(d.hours)}:${pad(d.minutes)}:${pad(d.seconds)}`;
  return (
    <time dateTime={to} className={className}>
      {left <= 0 ? t(kind === "ends" ? "ended" : "opened") : t(kind, { time })}
    </time>
  );
}
