import { describe, expect, test } from "vitest";
import { z } from "zod";
import { GET as openapiRoute } from "@/app/api/v1/openapi.json/route";
import { defineEndpoint } from "./endpoint";
import { buildOpenApiDocument } from "./openapi";
import { createNote, getNote, noteSchema } from "./testing/fake-endpoints";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("OpenAPI document", () => {
  const doc: Json = buildOpenApiDocument([createNote, getNote]);

  test("3.1 with bearer security and the Problem schema", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.schemas.Problem.required).toEqual(["type", "title", "status", "detail", "errors"]);
    expect(JSON.stringify(doc)).not.toContain("#/$defs/");
    expect(JSON.stringify(doc)).not.toContain("jifen-def:");
  });

  test("a POST: request body from the same zod schema (input side), Idempotency-Key, scope, problems", () => {
    const op = doc.paths["/api/v1/test-notes"].post;
    expect(op.operationId).toBe("postTestNotes");
    expect(op.security).toEqual([{ bearer: ["events"] }]);
    expect(op.parameters).toEqual([{ $ref: "#/components/parameters/IdempotencyKey" }]);
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: "Idempotency-Key", in: "header", required: true });
    const body = op.requestBody.content["application/json"].schema;
    expect(op.requestBody.required).toBe(true);
    const expected: Json = z.toJSONSchema(noteSchema, { io: "input" });
    delete expected.$schema;
    expect(body).toEqual(expected); // generated, not written by hand
    expect(body.required).toEqual(["label"]); // `items` has a default, so clients may omit it
    expect(op.responses["201"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/TestNote" });
    expect(doc.components.schemas.TestNote.required).toEqual(["id", "label", "nonce", "createdAt"]);
    expect(op.responses["409"].description).toContain("idempotency-mismatch");
    expect(op.responses["409"].description).toContain("insufficient-points");
    for (const s of ["400", "401", "403", "429", "500"]) {
      expect(op.responses[s].content["application/problem+json"].schema).toEqual({ $ref: "#/components/schemas/Problem" });
    }
  });

  test("a GET: path and query parameters from the params and query schemas, no Idempotency-Key", () => {
    const op = doc.paths["/api/v1/test-notes/{id}"].get;
    expect(op.operationId).toBe("getTestNotesById");
    const byName = Object.fromEntries(op.parameters.map((p: Json) => [p.name, p]));
    expect(Object.keys(byName)).toEqual(["id", "limit", "cursor", "label"]);
    expect(byName.id).toMatchObject({ in: "path", required: true, schema: { type: "string", format: "uuid" } });
    expect(byName.limit).toMatchObject({ in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } });
    expect(byName.cursor).toMatchObject({ in: "query", required: false, schema: { type: "string" } });
    expect(op.responses["409"]).toBeUndefined();
  });

  test("a named schema whose input differs from its output gets an <id>Input component", () => {
    const Line = z.object({ sku: z.string(), quantity: z.int().default(1) }).meta({ id: "Line" });
    const d: Json = buildOpenApiDocument([
      defineEndpoint({ method: "POST", path: "/api/v1/lines", scope: "orders", summary: "x", body: z.object({ line: Line }), responses: { 201: Line } }),
    ]);
    expect(d.components.schemas.Line.required).toEqual(["sku", "quantity"]);
    expect(d.components.schemas.LineInput.required).toEqual(["sku"]);
    expect(d.paths["/api/v1/lines"].post.requestBody.content["application/json"].schema.properties.line).toEqual({ $ref: "#/components/schemas/LineInput" });
  });

  test("mistakes fail loudly: duplicate endpoints, params that do not match the path", () => {
    expect(() => buildOpenApiDocument([createNote, createNote])).toThrow(/defined twice/);
    expect(() => defineEndpoint({ method: "GET", path: "/api/v1/x/{id}", scope: "read", summary: "x", responses: {} })).toThrow(/params schema/);
    expect(() =>
      defineEndpoint({ method: "GET", path: "/api/v1/x/{id}", scope: "read", summary: "x", params: z.object({ code: z.string() }), responses: {} }),
    ).toThrow(/do not match/);
  });

  test("GET /api/v1/openapi.json serves the registered endpoints' document", async () => {
    const res = openapiRoute();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const served = await res.json();
    expect(served.openapi).toBe("3.1.0");
    expect(served.components.schemas.Problem).toBeDefined();
  });
});
