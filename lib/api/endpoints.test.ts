import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { EndpointDef } from "./endpoint";
import { endpoints } from "./endpoints";
import { createNote } from "./testing/fake-endpoints";

// Routes and the OpenAPI document must not drift: every Integration API route handler is built by
// apiRoute from an endpoint listed in lib/api/endpoints.ts, at the path its file sits at, and every
// listed endpoint is served.

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? routeFiles(p) : /^route\.tsx?$/.test(d.name) ? [p] : [];
  });
}

/** <root>/orders/[externalId]/refunds/route.ts → /api/v1/orders/{externalId}/refunds */
function apiPathOf(root: string, file: string): string {
  const rel = path.relative(root, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return ["/api/v1", ...rel.map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))].join("/");
}

/** Every problem found between the route files under `root` and the `listed` endpoints. */
async function drift(root: string, listed: readonly EndpointDef[]): Promise<string[]> {
  const problems: string[] = [];
  const served = new Set<string>();
  for (const file of routeFiles(root)) {
    const at = apiPathOf(root, file);
    if (at === "/api/v1/openapi.json") continue;
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS.filter((m) => m in mod)) {
      const def = (mod[method] as { definition?: EndpointDef }).definition;
      if (!def || !("method" in def)) problems.push(`${method} ${at}: not built with apiRoute(<endpoint definition>)`);
      else if (!listed.includes(def)) problems.push(`${method} ${at}: its endpoint is missing from lib/api/endpoints.ts`);
      else if (def.method !== method || def.path !== at) problems.push(`${method} ${at}: its definition says ${def.method} ${def.path}`);
      else served.add(`${method} ${at}`);
    }
  }
  for (const e of listed) if (!served.has(`${e.method} ${e.path}`)) problems.push(`${e.method} ${e.path}: listed but no route serves it`);
  return problems;
}

describe("app/api/v1 routes ↔ lib/api/endpoints", () => {
  test("no drift in this repository", async () => {
    expect(await drift(path.resolve(import.meta.dirname, "../../app/api/v1"), endpoints)).toEqual([]);
  });

  test("the check catches unlisted, misplaced, hand-written and unserved endpoints", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "jifen-routes-"));
    const fake = path.resolve(import.meta.dirname, "testing/fake-endpoints.ts");
    const write = (dir: string, src: string) => {
      mkdirSync(path.join(root, dir), { recursive: true });
      writeFileSync(path.join(root, dir, "route.ts"), src);
    };
    try {
      write("test-notes", `export { POST } from ${JSON.stringify(fake)};`);
      expect(await drift(root, [createNote])).toEqual([]);
      expect(await drift(root, [])).toEqual(["POST /api/v1/test-notes: its endpoint is missing from lib/api/endpoints.ts"]);
      write("elsewhere/[id]", `export { POST } from ${JSON.stringify(fake)};\nexport const GET = () => new Response("hi");`);
      expect(await drift(root, [createNote])).toEqual([
        "GET /api/v1/elsewhere/{id}: not built with apiRoute(<endpoint definition>)",
        "POST /api/v1/elsewhere/{id}: its definition says POST /api/v1/test-notes",
      ]);
      rmSync(path.join(root, "test-notes"), { recursive: true });
      expect(await drift(root, [createNote])).toContain("POST /api/v1/test-notes: listed but no route serves it");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
