import { afterAll, beforeAll } from "vitest";
import { resetClock } from "@/lib/clock";
import type { DatabaseHandle } from "../client";
import { createTestDatabase } from "./database";
import { ensureDefaultRules } from "@/lib/rules/load-ruleset";

// Every *.db.test.ts file runs against its own fresh, migrated database.
let handle: DatabaseHandle | undefined;

beforeAll(async () => {
  resetClock();
  handle = await createTestDatabase();
  // Like every real database after start-up: version 1 of each default rule.
  await ensureDefaultRules();
});

afterAll(async () => {
  await handle?.close();
});
