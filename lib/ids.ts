import { v7 } from "uuid";

/** Time-ordered UUIDv7: opaque to callers, index-friendly for append-heavy tables. */
export function newId(): string {
  return v7();
}
