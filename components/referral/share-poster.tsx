"use client";

import QRCode from "qrcode";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

const W = 720;
const H = 1080;

/** Wraps `text` into lines no wider than `max` (by character: works for Chinese and English). */
function wrap(ctx: CanvasRenderingContext2D, text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > max && line) {
      const cut = /\s/.test(ch) ? -1 : line.lastIndexOf(" ");
      if (cut > 0) {
        lines.push(line.slice(0, cut));
        line = line.slice(cut + 1) + ch;
      } else {
        lines.push(line.trimEnd());
        line = ch.trimStart();
      }
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A share poster drawn in the browser: programme name, "<name> invites you", the QR code of the
 * link, and the code. Downloaded as PNG with canvas.toBlob (no server work, no extra dependency).
 */
export function SharePoster({ name, code, link, programme }: { name: string; code: string; link: string; programme: string }) {
  const t = useTranslations("referral.share");
  const canvas = useRef<HTMLCanvasElement>(null);
  const [ready, setReady] = useState(false);
  const invite = t("posterInvite", { name: name || code });
  const scan = t("posterScan");
  const codeLine = t("posterCode", { code });

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext("2d");
    if (!el || !ctx) return;
    let cancelled = false;
    (async () => {
      const qr = document.createElement("canvas");
      await QRCode.toCanvas(qr, link, { errorCorrectionLevel: "M", margin: 2, width: 440, color: { dark: "#111827", light: "#ffffff" } });
      if (cancelled) return;
      const sans = `system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif`;
      const bg = ctx.createLinearGradient(0, 0, 0, H);
      bg.addColorStop(0, "#b91c1c");
      bg.addColorStop(1, "#7f1d1d");
      ctx.fillStyle = bg;
      ctx.fillRect(0, 0, W, H);
      ctx.textAlign = "center";
      ctx.fillStyle = "#fde68a";
      ctx.font = `700 44px ${sans}`;
      ctx.fillText(programme, W / 2, 110);
      ctx.fillStyle = "#ffffff";
      ctx.font = `700 52px ${sans}`;
      const lines = wrap(ctx, invite, W - 100).slice(0, 2);
      lines.forEach((l, i) => ctx.fillText(l, W / 2, 210 + i * 64));
      // White card behind the QR code.
      const top = 330;
      ctx.fillStyle = "#ffffff";
      ctx.beginPath();
      ctx.roundRect(W / 2 - 250, top, 500, 500, 28);
      ctx.fill();
      ctx.drawImage(qr, W / 2 - 220, top + 30, 440, 440);
      ctx.fillStyle = "#ffffff";
      ctx.font = `400 30px ${sans}`;
      wrap(ctx, scan, W - 100)
        .slice(0, 2)
        .forEach((l, i) => ctx.fillText(l, W / 2, top + 565 + i * 40));
      // Below the (at most two) lines above: they end by top + 605.
      ctx.fillStyle = "#fde68a";
      ctx.font = `700 40px ui-monospace, monospace`;
      ctx.fillText(codeLine, W / 2, H - 60);
      setReady(true);
    })();
    return () => {
      cancelled = true;
    };
  }, [link, programme, invite, scan, codeLine]);

  function download() {
    canvas.current?.toBlob((blob) => {
      if (!blob) return;
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = `poster-${code}.png`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }, "image/png");
  }

  return (
    <div className="flex flex-col items-center gap-3">
      <canvas
        ref={canvas}
        width={W}
        height={H}
        role="img"
        aria-label={`${programme} — ${invite} — ${codeLine}`}
        className="h-auto w-full max-w-xs rounded-xl border border-border shadow-sm"
        data-testid="share-poster"
      />
      <Button type="button" variant="secondary" onClick={download} disabled={!ready} className="self-stretch sm:self-center">
        {t("downloadPoster")}
      </Button>
    </div>
  );
}
