// Which message namespaces the client components of each route group use, read from the source
// tree: from a group's folder, follow imports (the "@/…" alias and relative paths) to every
// reachable "use client" file and collect the namespaces its translators ask for. The client
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

/** Every file reachable by imports from `entries`. */
export function reachable(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const next = resolveImport(file, m[1]!);
      if (next && !next.includes("node_modules") && /\.tsx?$/.test(next)) stack.push(next);
    }
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
  return new Set([...src.matchAll(/["'`]([A-Za-z][A-Za-z0-9_]*)\.[A-Za-z0-9_-]+\.[A-Za-z0-9_.${}-]+["'`]/g)].map((m) => m[1]!));
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
  for (const file of reachable(entries)) {
    const src = readFileSync(file, "utf8");
    const found = isClient(src) ? clientNamespaces(src) : isServerActions(src) ? actionKeyNamespaces(src) : null;
    for (const ns of found ?? []) used.set(ns, [...(used.get(ns) ?? []), path.relative(ROOT, file)]);
  }
  return used;
}

/** The files rendered outside every route group: the root layout, error pages, /r, /media… */
export function rootEntries(): string[] {
  return readdirSync(path.join(ROOT, "app"), { withFileTypes: true })
    .filter((e) => !(e.isDirectory() && (e.name.startsWith("(") || e.name === "api")))
    .map((e) => path.join("app", e.name));
}

export const APP_ROOT = ROOT;
