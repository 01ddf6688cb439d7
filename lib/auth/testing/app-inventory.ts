// The app's entry points read from the source tree: every page (with the permission its guard
// asks for), every server action and every route handler. The authorisation tests are generated
// from this list, so a new page, action or route is covered the moment its file exists.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { CATALOGUE_PERMISSION } from "@/lib/mall/catalogue-routes";

const APP = path.join(process.cwd(), "app");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** "app/[locale]/(member)/mall/r/[id]/page.tsx" → "/mall/r/[id]" (route groups and the locale segment, which proxy.ts fills in, do not appear in URLs). */
export function urlOf(file: string): string {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => s && s !== "[locale]" && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

const REQUIRE_PAGE = /requirePage\(\s*"([\w:-]+)"\s*\)/;

/** The mall catalogue's cached pages: rendered once for everyone, served by proxy.ts to members only. */
const CATALOGUE_PAGES = path.join(APP, "[locale]", "(catalogue)");

/**
 * The permission a page demands with its own requirePage. A layout's check does not count: Next
 * renders a page alongside its layouts, so each page guards itself (DESIGN: every page checks).
 * A cached catalogue page cannot ask (it is rendered before any request): proxy.ts serves it only
 * to a session whose cookie carries CATALOGUE_PERMISSION and sends anyone else to the guarded gate;
 * its personal figures come from /api/mall/me, which asks the guard.
 */
function pagePermission(file: string): Permission | null {
  if (file.startsWith(CATALOGUE_PAGES + path.sep)) return CATALOGUE_PERMISSION;
  const own = REQUIRE_PAGE.exec(readFileSync(file, "utf8"));
  return own ? (own[1] as Permission) : null;
}

/** The catch-all that answers 404 for addresses no page has: not a page anyone opens. */
const isNotFoundCatchAll = (file: string) => path.dirname(file) === path.join(APP, "[locale]", "[...rest]");

/** Pages anyone may open, and why (the authorisation tests skip the permission check for these). */
export const PUBLIC_PAGES: Record<string, string> = {
  "/": "the landing page for visitors; a signed-in member gets their home (the page checks)",
  "/sign-in": "signing in",
  "/sign-up": "signing up",
  "/referral/invalid": "tells a visitor their referral link is unknown or disabled (no data)",
  "/invite/[token]": "an admin-console invitation: the single-use token in the link is the credential",
  "/bench-static": "a prerendered page with no data: the baseline of npm run bench:pages",
};

export interface PageEntry {
  file: string;
  url: string;
  permission: Permission | null;
}

export function pages(): PageEntry[] {
  return walk(APP)
    .filter((f) => path.basename(f) === "page.tsx" && !isNotFoundCatchAll(f))
    .map((file) => ({ file: path.relative(process.cwd(), file), url: urlOf(file), permission: pagePermission(file) }))
    .sort((a, b) => a.url.localeCompare(b.url));
}

export interface ActionEntry {
  file: string;
  name: string;
  permission: Permission | null;
}

/** Exported functions of "use server" files, with the permission each one's body asks for. */
export function actions(): ActionEntry[] {
  const roots = [APP, path.join(process.cwd(), "lib"), path.join(process.cwd(), "components")];
  return roots
    .flatMap(walk)
    .filter((f) => /\.tsx?$/.test(f) && /^\s*["']use server["']/.test(readFileSync(f, "utf8")))
    .flatMap((file) => {
      const src = readFileSync(file, "utf8");
      const out: ActionEntry[] = [];
      // A file's own wrapper that takes the permission first and hands it to requireAction (e.g.
      // memberAction("admin:members", form, …)) counts like a direct requireAction("…") call.
      const wrappers = [...src.matchAll(/^async function (\w+)\s*(?:<[^>]*>)?\(\s*permission: Permission\b/gm)]
        .filter((w) => /requireAction\(permission\)/.test(bodyFrom(src, w.index)))
        .map((w) => w[1]!);
      const asks = new RegExp(`(?:requireAction${wrappers.map((w) => `|${w}`).join("")})\\(\\s*"([\\w:-]+)"`);
      for (const m of src.matchAll(/^export async function (\w+)\s*\(/gm)) {
        const p = asks.exec(bodyFrom(src, m.index));
        out.push({ file: path.relative(process.cwd(), file), name: m[1]!, permission: p ? (p[1] as Permission) : null });
      }
      return out;
    });
}

export interface RouteEntry {
  file: string;
  url: string;
  methods: string[];
  /** apiRoute (API key + scope), a session guard, or none. */
  guard: "api-key" | "session" | "none";
}

export function routes(): RouteEntry[] {
  return walk(APP)
    .filter((f) => path.basename(f) === "route.ts")
    .map((file) => {
      const src = readFileSync(file, "utf8");
      const methods = [...src.matchAll(/^export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => m[1]!);
      const apiKey = methods.length > 0 && methods.every((mth) => new RegExp(`export const ${mth} = apiRoute\\(`).test(src));
      const session = /requireAction\(|requirePage\(|authorize\(/.test(src);
      return { file: path.relative(process.cwd(), file), url: urlOf(file), methods, guard: apiKey ? "api-key" : session ? "session" : "none" } as RouteEntry;
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}

/** A top-level function's source: up to the first line that closes a top-level block. */
function bodyFrom(src: string, start: number): string {
  const rest = src.slice(start);
  const end = rest.search(/\n}\s*\n/);
  return end === -1 ? rest : rest.slice(0, end);
}

export const isPermission = (p: string | null): p is Permission => p !== null && p in PERMISSIONS;
