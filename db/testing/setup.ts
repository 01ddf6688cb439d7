import { afterAll, beforeAll } from "vitest";
import { resetClock } from "@/lib/clock";
import type { DatabaseHandle } from "../client";
import { createTestDatabase } from "./database";

// Every *.db.test.ts file runs against its own fresh, migrated database.
let handle: DatabaseHandle | undefined;

beforeAll(async () => {
  resetClock();
  handle = await createTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});
