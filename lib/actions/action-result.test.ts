import { describe, expect, test } from "vitest";
import { actionError } from "@/components/admin-distribution/action-state";
import { errorKeys } from "@/components/admin-mall/error-keys";
import { DomainError } from "@/lib/errors";
import { firstRefusal, refusalKeys } from "./action-result";

const field = (path: string, message: string) => new DomainError("invalid-request", "bad", { errors: [{ path, message }] });

describe("refusalKeys: a DomainError → message keys per form field", () => {
  test.each([
    { what: "a field error keeps its message key", e: field("email", "validation.email"), rules: {}, out: { email: "validation.email" } },
    { what: "a message that is no key falls back to the code's", e: field("email", "too-long"), rules: {}, out: { email: "errors.invalid-request" } },
    { what: "no field errors: the code's message on the form", e: new DomainError("conflict"), rules: {}, out: { form: "errors.conflict" } },
    { what: "a field the form lacks goes to the form", e: field("items.0.sku", "validation.required"), rules: { fields: ["email"] }, out: { form: "validation.required" } },
    { what: "a listed field matches by its first segment", e: field("items.0.sku", "validation.required"), rules: { fields: ["items"] }, out: { items: "validation.required" } },
    { what: "a dropped field error leaves the form message", e: field("id", "validation.uuid"), rules: { fields: () => null, form: () => "x.y" }, out: { form: "x.y" } },
    { what: "a key rule can decline one error", e: field("points", "validation.int"), rules: { key: () => null }, out: { form: "errors.invalid-request" } },
  ])("$what", ({ e, rules, out }) => {
    expect(refusalKeys(e, rules)).toEqual(out);
  });

  test("the first error per field wins", () => {
    const e = new DomainError("invalid-request", "bad", { errors: [{ path: "a", message: "v.one" }, { path: "a", message: "v.two" }, { path: "b", message: "v.three" }] });
    expect(refusalKeys(e)).toEqual({ a: "v.one", b: "v.three" });
    expect(firstRefusal(e)).toEqual({ key: "v.one", field: "a" });
  });

  test("anything but a DomainError is rethrown, and so is what the action declines to answer", () => {
    const boom = new Error("db down");
    expect(() => refusalKeys(boom)).toThrow(boom);
    const denied = new DomainError("forbidden");
    expect(() => refusalKeys(denied, { rethrow: (d) => d.code === "forbidden" })).toThrow(denied);
  });
});

describe("the areas' mappers keep their messages", () => {
  test("admin-distribution: field key, known reason, else the code", () => {
    expect(actionError(field("reason", "adminDistribution.validation.reasonRequired"))).toEqual({ fieldError: "adminDistribution.validation.reasonRequired" });
    expect(actionError(new DomainError("not-eligible", "x", { params: { reason: "frozen" } }))).toEqual({ error: "adminDistribution.reasons.frozen" });
    expect(actionError(new DomainError("not-eligible", "x", { params: { reason: "mystery" } }))).toEqual({ error: "errors.not-eligible" });
  });
  test("admin-mall: not-found on the form, specific reasons, field messages", () => {
    expect(errorKeys(new DomainError("not-found", "x", { errors: [{ path: "sku", message: "gone" }] }), ["sku"])).toEqual({ form: "errors.not-found" });
    expect(errorKeys(new DomainError("duplicate", "x", { errors: [{ path: "sku", message: "taken" }] }), ["sku"])).toEqual({ sku: "adminMall.errors.skuTaken" });
    expect(errorKeys(field("stock", "below-zero"), ["stock"])).toEqual({ stock: "adminMall.errors.belowZero" });
    expect(errorKeys(field("pointsPrice", "int"), ["pointsPrice"])).toEqual({ pointsPrice: "adminMall.fieldErrors.pointsPrice" });
    expect(errorKeys(field("other", "int"), ["pointsPrice"])).toEqual({ form: "errors.invalid-request" });
  });
});
