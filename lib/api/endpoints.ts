import { collectEndpoints, type EndpointDef } from "./endpoint";
import * as events from "./v1/events";
import * as members from "./v1/members";
import * as mall from "./v1/mall";
import * as orders from "./v1/orders";

// Every Integration API endpoint the OpenAPI document lists — the one list, read by
// app/api/v1/openapi.json. Route files are bundled separately by Next, so the document cannot
// discover them at runtime; instead each area keeps its definitions (defineEndpoint + its zod
// schemas) in lib/api/v1/<area>.ts, its route files import them, and the area is added here once:
//
//   import * as orders from "./v1/orders";
//   export const endpoints = collectEndpoints(orders, members);
//
// Exporting a new defineEndpoint(...) from an area file is then all it takes to document it, and
// lib/api/endpoints.test.ts fails if a route under app/api/v1 serves an endpoint missing here
// (or at a path that differs from its definition).
export const endpoints: readonly EndpointDef[] = collectEndpoints(members, orders, events, mall);
