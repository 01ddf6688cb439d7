// Which message namespaces the client components of each route group use, read from the source
// tree: from a group's folder, follow imports (the "@/…" alias and relative paths) to every
// reachable "use client" file and collect the namespaces its translators ask for, and to every
// "use server" action module (and the plain modules it imports) and collect the keys it hands back. The client
// messages test compares this with CLIENT_MESSAGES, so a new client component cannot render a raw key.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const EXTENSIONS = [".tsx", ".ts", "/index.tsx", "/index.ts"];

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(tsx?)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const IMPORT = /(?:from|import)\s*\(?\s*["']([^"']+)["']/g;

/** The project's own modules a file imports ("@/…" and relative paths). */
function importsOf(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(IMPORT)].flatMap((m) => {
    const next = resolveImport(file, m[1]!);
    return next && !next.includes("node_modules") && /\.tsx?$/.test(next) ? [next] : [];
  });
}

/** Every file reachable by imports from `entries`. */
export function reachable(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...importsOf(file));
  }
  return seen;
}

const directive = (name: string) => new RegExp(`^\\s*(?:\\/\\/[^\\n]*\\n|\\/\\*[\\s\\S]*?\\*\\/\\s*)*["']use ${name}["']`);
const isClient = (src: string) => directive("client").test(src);
const isServerActions = (src: string) => directive("server").test(src);

/**
 * Message keys a server action module hands back for the form to translate in the browser
 * ("adminDistribution.validation.reasonRequired"): quoted literals of the shape ns.a.b. Callers keep
 * only real namespaces (an audit action name like "reward.stock.adjust" names none).
 */
export function actionKeyNamespaces(src: string): Set<string> {
  // An audit entry's action name ({ action: "member.tier-override.clear" }) is no message key.
  return new Set([...src.matchAll(/(?<!\baction:\s*)["'`]([A-Za-z][A-Za-z0-9_]*)\.[A-Za-z0-9_-]+\.[A-Za-z0-9_.${}-]+["'`]/g)].map((m) => m[1]!));
}

/** The top-level namespaces a client file's translators use. */
export function clientNamespaces(src: string): Set<string> {
  const out = new Set<string>();
  for (const m of src.matchAll(/useTranslations\(\s*["'`]([A-Za-z0-9_]+)/g)) out.add(m[1]!);
  // A translator without a namespace: its keys start with one ("adminOrders.csvFile").
  for (const m of src.matchAll(/(?:const|let)\s+(\w+)\s*=\s*useTranslations\(\s*\)/g)) {
    const call = new RegExp(`\\b${m[1]}(?:\\.rich|\\.markup|\\.has)?\\(\\s*["'\`]([A-Za-z0-9_]+)\\.`, "g");
    for (const k of src.matchAll(call)) out.add(k[1]!);
  }
  return out;
}

/** Namespace → the client files (relative paths) of a group that use it. */
export function namespacesUsedBy(entryDirsOrFiles: string[]): Map<string, string[]> {
  const entries = entryDirsOrFiles.flatMap((p) => {
    const abs = path.join(ROOT, p);
    return statSync(abs).isDirectory() ? sourceFiles(abs) : [abs];
  });
  const used = new Map<string, string[]>();
  const add = (found: Iterable<string>, by: string) => {
    for (const ns of found) used.set(ns, [...(used.get(ns) ?? []), by]);
  };
  for (const file of reachable(entries)) {
    const src = readFileSync(file, "utf8");
    if (isClient(src)) add(clientNamespaces(src), path.relative(ROOT, file));
    else if (isServerActions(src)) {
      add(actionKeyNamespaces(src), path.relative(ROOT, file));
      // The keys an action returns are often built in a plain module it imports (a shared refusal
      // mapper, a use case's zod messages): those modules count too, one import away. Deeper
      // modules are domain code whose dotted strings are not the action's answer.
      for (const dep of importsOf(file)) {
        const depSrc = readFileSync(dep, "utf8");
        if (!isClient(depSrc) && !isServerActions(depSrc)) add(actionKeyNamespaces(depSrc), `${path.relative(ROOT, dep)} (imported by ${path.relative(ROOT, file)})`);
      }
    }
  }
  return used;
}

/** The files rendered outside every route group: the root layout, error pages, /r, /media… */
export function rootEntries(): string[] {
  // Pages live under app/[locale] (proxy.ts puts the reader's language there); its route groups are
  // crawled per group.
  const entries = (dir: string) =>
    readdirSync(path.join(ROOT, dir), { withFileTypes: true })
      // app/actions holds server actions shared by groups: each group's crawl reaches the ones it imports.
      .filter((e) => !(e.isDirectory() && (e.name.startsWith("(") || ["api", "actions", "[locale]"].includes(e.name))))
      .map((e) => path.join(dir, e.name));
  return [...entries("app"), ...entries(path.join("app", "[locale]"))];
}

export const APP_ROOT = ROOT;
