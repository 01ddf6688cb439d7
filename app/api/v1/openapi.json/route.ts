import { endpoints } from "@/lib/api/endpoints";
import { buildOpenApiDocument } from "@/lib/api/openapi";

// Built once per process: the document only changes with the code.
let document: string | undefined;

// GET /api/v1/openapi.json — the Integration API as OpenAPI 3.1, generated from the zod schemas that validate requests. Public.
export function GET() {
  document ??= JSON.stringify(buildOpenApiDocument(endpoints));
  return new Response(document, { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" } });
}
