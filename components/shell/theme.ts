// The theme preference: a plain cookie ("light" | "dark"; absent or "system" follows the device).
// Pages rendered per request put the class on <html> on the server; a page served from the cache
// cannot, so this script (first thing in <head>, before anything paints) puts it there from the cookie.
export const THEME_COOKIE = "theme";

export const themeScript = `(function(){try{var m=document.cookie.match(/(?:^|;\\s*)${THEME_COOKIE}=(light|dark)(?:;|$)/);if(m&&!document.documentElement.classList.contains(m[1]))document.documentElement.classList.add(m[1])}catch(e){}})()`;

/** The theme as the browser holds it (for a switch rendered without the cookie on the server). */
export function themeFromDocument(): "light" | "dark" | "system" {
  const m = /(?:^|;\s*)theme=(light|dark|system)(?:;|$)/.exec(document.cookie);
  return (m?.[1] as "light" | "dark" | "system" | undefined) ?? "system";
}
