import { describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { errorResponse } from "./problem";

describe("errorResponse", () => {
  test("DomainError → problem+json with the contract's slug, status and field errors", async () => {
    const res = errorResponse(new DomainError("out-of-stock", "only 2 left", { errors: [{ path: "quantity", message: "too many" }] }), "r1");
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("x-request-id")).toBe("r1");
    expect(await res.json()).toEqual({ type: "out-of-stock", title: "Out of stock", status: 409, detail: "only 2 left", errors: [{ path: "quantity", message: "too many" }] });
  });

  test("ZodError → 400 invalid-request with dotted paths", async () => {
    const parsed = z.object({ items: z.array(z.object({ quantity: z.int().min(1) })) }).safeParse({ items: [{ quantity: 0 }] });
    const res = errorResponse(parsed.error, "r2");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: "invalid-request", errors: [{ path: "items.0.quantity", message: expect.any(String) }] });
  });

  test("rate-limited carries Retry-After; unauthorized carries WWW-Authenticate", () => {
    expect(errorResponse(new DomainError("rate-limited", "slow down", { params: { retryAfterSeconds: 7 } }), "r").headers.get("retry-after")).toBe("7");
    expect(errorResponse(new DomainError("unauthorized"), "r").headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  test("anything else → 500 internal that shows only the request id", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const err = new Error('duplicate key value violates unique constraint "users_email_uq" in INSERT INTO users');
    const res = errorResponse(err, "r3");
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toMatchObject({ type: "internal", status: 500, requestId: "r3", errors: [] });
    expect(text).not.toMatch(/users|INSERT|constraint|Error:|\.ts:/);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("r3"), err);
    log.mockRestore();
  });
});
