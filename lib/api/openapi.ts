import { z } from "zod";
import { errorStatus, type ErrorCode } from "@/lib/errors";
import { pathParamNames, requiresIdempotencyKey, type EndpointDef, type ResponseSpec } from "./endpoint";
import { canonicalJson, IDEMPOTENCY_HEADER } from "./idempotency";
import { problemSchema, PROBLEM_CONTENT_TYPE } from "./problem";

// OpenAPI 3.1 from the endpoint definitions: the zod schemas that validate requests are converted
// with z.toJSONSchema (draft 2020-12, OpenAPI 3.1's dialect): requests as their input type
// (fields with defaults are optional), responses as their output type. Schemas named with
// `.meta({ id })` become components.schemas entries; if a named schema's input and output differ,
// the input one is "<id>Input".

type Json = Record<string, unknown>;

/** Every endpoint can answer these, whatever it does. */
const COMMON_ERRORS: ErrorCode[] = ["invalid-request", "unauthorized", "forbidden", "rate-limited"];

export function buildOpenApiDocument(endpoints: readonly EndpointDef[], info: { version?: string } = {}): Json {
  const defs = new Components();
  const paths: Record<string, Record<string, Json>> = {};
  const seen = new Set<string>();
  for (const e of endpoints) {
    const id = `${e.method} ${e.path}`;
    if (seen.has(id)) throw new Error(`endpoint defined twice: ${id}`);
    seen.add(id);
    (paths[e.path] ??= {})[e.method.toLowerCase()] = operation(e, defs);
  }
  defs.convert(problemSchema, "output"); // registers components.schemas.Problem, which every error response refers to
  return defs.finish({
    openapi: "3.1.0",
    info: {
      title: "Jifen Integration API",
      version: info.version ?? "1.0.0",
      description:
        "Integration API v1 for shops, POS, ERP and apps. JSON in and out; money in integer minor units (…Cents); " +
        "times RFC 3339 UTC. Errors are RFC 9457 application/problem+json. Every POST requires an Idempotency-Key.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An API key from the admin console: `Authorization: Bearer <key>`. Keys carry scopes; each operation names the one it needs.",
        },
      },
      parameters: {
        IdempotencyKey: {
          name: IDEMPOTENCY_HEADER,
          in: "header",
          required: true,
          description:
            "1–255 characters, unique per intended operation. A repeat with the same body returns the first response; " +
            "with a different body, 409 idempotency-mismatch. Remembered for at least 24 hours, per API key.",
          schema: { type: "string", minLength: 1, maxLength: 255 },
        },
      },
    },
  });
}

function operation(e: EndpointDef, defs: Components): Json {
  const op: Json = {
    operationId: e.operationId ?? operationIdOf(e),
    summary: e.summary,
    ...(e.description ? { description: e.description } : {}),
    ...(e.tags?.length ? { tags: e.tags } : {}),
    security: [{ bearer: [e.scope] }],
    "x-scope": e.scope,
  };
  const parameters: Json[] = [
    ...fieldParams(e.params, "path", defs, pathParamNames(e.path)),
    ...fieldParams(e.query, "query", defs),
  ];
  const idempotent = requiresIdempotencyKey(e.method, e);
  if (idempotent) parameters.push({ $ref: "#/components/parameters/IdempotencyKey" });
  if (parameters.length) op.parameters = parameters;
  if (e.body) {
    op.requestBody = {
      required: !e.body.safeParse(undefined).success,
      content: { "application/json": { schema: defs.convert(e.body, "input") } },
    };
  }
  const responses: Json = {};
  for (const [status, spec] of Object.entries(e.responses) as [string, ResponseSpec][]) {
    const { description, schema } = spec instanceof z.ZodType ? { description: spec.description ?? (status === "201" ? "Created" : "OK"), schema: spec } : spec;
    responses[status] = { description, ...(schema ? { content: { "application/json": { schema: defs.convert(schema, "output") } } } : {}) };
  }
  const codes = new Set<ErrorCode>([...COMMON_ERRORS, ...(idempotent ? (["idempotency-mismatch"] as const) : []), ...(e.errors ?? [])]);
  const byStatus = new Map<number, ErrorCode[]>();
  for (const c of codes) byStatus.set(errorStatus[c], [...(byStatus.get(errorStatus[c]) ?? []), c]);
  for (const [status, slugs] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: `Problem: ${slugs.join(", ")}`,
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: "#/components/schemas/Problem" } } },
    };
  }
  responses["500"] = {
    description: "Problem: internal (no details; quote requestId)",
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: "#/components/schemas/Problem" } } },
  };
  op.responses = responses;
  return op;
}

/** A z.object of path or query fields → one OpenAPI parameter per field. */
function fieldParams(schema: z.ZodType | undefined, where: "path" | "query", defs: Components, expected?: string[]): Json[] {
  if (!schema) return [];
  const json = defs.deref(defs.convert(schema, "input"));
  const props = json.properties as Record<string, Json> | undefined;
  if (json.type !== "object" || !props) throw new Error(`${where} schema must be a z.object`);
  const required = new Set((json.required as string[] | undefined) ?? []);
  const names = expected ?? Object.keys(props);
  return names.map((name) => {
    const { description, ...rest } = props[name] ?? {};
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function operationIdOf(e: EndpointDef): string {
  const words = e.path
    .replace(/^\/api\/v1\//, "")
    .split("/")
    .map((seg) => (seg.startsWith("{") ? `by-${seg.slice(1, -1)}` : seg))
    .join("-")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [e.method.toLowerCase(), ...words].map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1) : w)).join("");
}

/**
 * z.toJSONSchema puts named schemas in a per-schema `$defs` with "#/$defs/X" refs, which inside an
 * OpenAPI document would point at the document root. This lifts them into components.schemas: refs
 * are written as placeholders while converting, and resolved once every name is known.
 */
class Components {
  private readonly defs = { input: new Map<string, Json>(), output: new Map<string, Json>() };

  convert(schema: z.ZodType, io: Io): Json {
    const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
    const { $defs, ...root } = json;
    delete root.$schema; // the document's dialect (OpenAPI 3.1 = draft 2020-12) already says it
    for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, Json>)) {
      const json = withPlaceholders(def, io);
      const prev = this.defs[io].get(name);
      if (prev && canonicalJson(prev) !== canonicalJson(json)) throw new Error(`two different schemas are both named "${name}"`);
      this.defs[io].set(name, json);
    }
    return withPlaceholders(root, io);
  }

  /** Path/query fields need the object itself, not a ref to it. */
  deref(json: Json): Json {
    const ref = json.$ref;
    if (typeof ref !== "string" || !ref.startsWith(PLACEHOLDER)) return json;
    const [io, name] = splitPlaceholder(ref);
    return this.defs[io].get(name) ?? json;
  }

  /** Adds components.schemas and replaces every placeholder ref in the document. */
  finish(doc: Json): Json {
    const nameOf = (io: Io, name: string) => {
      const out = this.defs.output.get(name);
      return io === "input" && out && canonicalJson(out) !== canonicalJson(this.defs.input.get(name)) ? `${name}Input` : name;
    };
    const schemas: Record<string, Json> = {};
    for (const io of ["output", "input"] as const) for (const [name, def] of this.defs[io]) schemas[nameOf(io, name)] = def;
    const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
    const full = { ...doc, components: { ...(doc.components as Json), schemas: sorted } };
    return JSON.parse(
      JSON.stringify(full, (k, v: unknown) => {
        if (k !== "$ref" || typeof v !== "string" || !v.startsWith(PLACEHOLDER)) return v;
        const [io, name] = splitPlaceholder(v);
        return `#/components/schemas/${nameOf(io, name)}`;
      }),
    ) as Json;
  }
}

type Io = "input" | "output";
const PLACEHOLDER = "jifen-def:";

function withPlaceholders(node: Json, io: Io): Json {
  return JSON.parse(
    JSON.stringify(node, (k, v: unknown) => (k === "$ref" && typeof v === "string" && v.startsWith("#/$defs/") ? `${PLACEHOLDER}${io}:${v.slice(8)}` : v)),
  ) as Json;
}

function splitPlaceholder(ref: string): [Io, string] {
  const rest = ref.slice(PLACEHOLDER.length);
  const i = rest.indexOf(":");
  return [rest.slice(0, i) as Io, rest.slice(i + 1)];
}
