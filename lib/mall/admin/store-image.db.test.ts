import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { rewards } from "@/db/schema";
import { GET } from "@/app/media/[file]/route";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { testReward } from "../testing";
import { sniffImage } from "./image-type";
import { mediaFile } from "./media-file";
import { setRewardImage } from "./set-reward-image";
import { storeImage } from "./store-image";
import { auditOf, staff } from "./testing";

// A 1×1 PNG, and the first bytes of the other accepted formats (enough for the magic-byte check).
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const GIF = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");
const WEBP = Buffer.concat([Buffer.from("RIFF"), Buffer.from([0x1a, 0, 0, 0]), Buffer.from("WEBPVP8 ")]);
const SVG = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>`);
const XML_SVG = Buffer.from(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`);
const HTML = Buffer.from("<!doctype html><script>alert(1)</script>");

// The app's upload folder is this file's own temporary folder (env is read once: set it in place).
let dir: string;
const configured = env.UPLOAD_DIR;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "jifen-uploads-"));
  env.UPLOAD_DIR = dir;
});
afterAll(() => {
  env.UPLOAD_DIR = configured;
  rmSync(dir, { recursive: true, force: true });
});

const files = () => readdirSync(dir).sort();
const get = (file: string) => GET(new Request(`http://localhost/media/${encodeURIComponent(file)}`), { params: Promise.resolve({ file }) });

describe("sniffImage", () => {
  test.each([
    ["png", PNG, "image/png"],
    ["jpg", JPEG, "image/jpeg"],
    ["gif", GIF, "image/gif"],
    ["webp", WEBP, "image/webp"],
  ])("%s by its magic bytes", (ext, bytes, contentType) => {
    expect(sniffImage(bytes)).toEqual({ ext, contentType });
  });
  test.each([["svg", SVG], ["xml svg", XML_SVG], ["html", HTML], ["riff without webp", Buffer.from("RIFF\0\0\0\0WAVE")], ["empty", Buffer.alloc(0)], ["truncated png", PNG.subarray(0, 4)]])("%s is not an image", (_what, bytes) => {
    expect(sniffImage(bytes)).toBeNull();
  });
});

describe("storeImage", () => {
  test("writes <sha256>.<ext> under the upload folder; the same bytes twice are one file", async () => {
    const d = path.join(dir, "store");
    const a = await storeImage(PNG, { dir: d, maxBytes: 1_000 });
    const sha = createHash("sha256").update(PNG).digest("hex");
    expect(a).toEqual({ file: `${sha}.png`, url: `/media/${sha}.png`, contentType: "image/png", bytes: PNG.length });
    expect(readFileSync(path.join(d, a.file)).equals(PNG)).toBe(true);
    await storeImage(PNG, { dir: d, maxBytes: 1_000 });
    expect((await storeImage(JPEG, { dir: d })).file).toMatch(/^[0-9a-f]{64}\.jpg$/);
    expect(readdirSync(d)).toHaveLength(2); // no temporary files left behind
  });

  test.each([
    ["an SVG with a script", SVG, "not-an-image"],
    ["an SVG with an XML prolog", XML_SVG, "not-an-image"],
    ["an HTML page", HTML, "not-an-image"],
    ["an empty file", Buffer.alloc(0), "empty"],
    ["an oversize image", Buffer.concat([PNG, Buffer.alloc(2_000)]), "too-large"],
  ])("refuses %s and writes nothing", async (_what, bytes, message) => {
    const d = path.join(dir, `refuse-${newId()}`);
    await expect(storeImage(bytes, { dir: d, maxBytes: 1_000 })).rejects.toMatchObject({ code: "invalid-request", errors: [{ path: "image", message }] });
    expect(() => readdirSync(d)).toThrow(); // not even the folder
  });
});

describe("setRewardImage", () => {
  test("stores the upload and points the reward at /media/<file>, audited", async () => {
    const r = await testReward();
    const updated = await setRewardImage(r.id, GIF, staff);
    expect(updated.imageUrl).toMatch(/^\/media\/[0-9a-f]{64}\.gif$/);
    expect(files()).toContain(updated.imageUrl!.slice("/media/".length));
    const [entry] = await auditOf(r.id, "reward.image");
    expect(entry).toMatchObject({ before: { imageUrl: null }, after: { imageUrl: updated.imageUrl, contentType: "image/gif" } });
  });

  test("a bad upload leaves the reward, the audit log and the folder as they were", async () => {
    const r = await testReward();
    const before = files();
    await expect(setRewardImage(r.id, SVG, staff)).rejects.toMatchObject({ code: "invalid-request" });
    await expect(setRewardImage(r.id, Buffer.alloc(3_000_000, 0x89), staff)).rejects.toMatchObject({ code: "invalid-request" });
    await expect(setRewardImage(newId(), PNG, staff)).rejects.toMatchObject({ code: "not-found" });
    expect(files()).toEqual(before);
    expect((await db.select().from(rewards).where(eq(rewards.id, r.id)))[0]!.imageUrl).toBeNull();
    expect(await auditOf(r.id, "reward.image")).toEqual([]);
  });
});

describe("GET /media/[file]", () => {
  test("serves a stored image with its type, nosniff and a year's immutable cache", async () => {
    const { file } = await storeImage(WEBP);
    const res = await get(file);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await res.arrayBuffer()).equals(WEBP)).toBe(true);
  });

  test.each([
    "../../../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "%2e%2e%2fpackage.json",
    "..\\..\\package.json",
    "/etc/passwd",
    `${"a".repeat(64)}.png/../../package.json`,
    `${"a".repeat(64)}.svg`,
    `${"a".repeat(64)}.png\0.txt`,
    `${"A".repeat(64)}.png`,
    "package.json",
    "",
  ])("cannot reach %j", async (name) => {
    expect(mediaFile(name, dir)).toBeNull();
    const res = await get(name);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  });

  test("a well-formed name that was never uploaded is a 404, even if a file of another name sits beside it", async () => {
    writeFileSync(path.join(dir, "secret.txt"), "secret");
    expect((await get(`${"0".repeat(64)}.png`)).status).toBe(404);
  });
});
