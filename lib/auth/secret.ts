import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

const SECRET_FILE = path.join(process.cwd(), ".data", "auth-secret");

/**
 * AUTH_SECRET signs session cookies. A production server refuses to start without it; the local
 * demo (`npm start`, `npm run dev`) generates one once into .data/auth-secret (see scripts/start.ts).
 */
export function authSecret(): string | undefined {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (process.env.NEXT_PHASE === "phase-production-build") return undefined; // nothing is signed while building
  if (env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET must be set in production (at least 16 characters). See README.");
  }
  return localDemoSecret();
}

export function localDemoSecret(): string {
  if (!existsSync(SECRET_FILE)) {
    mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    writeFileSync(SECRET_FILE, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(SECRET_FILE, "utf8").trim();
}
