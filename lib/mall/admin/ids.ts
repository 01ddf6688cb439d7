import { z } from "zod";
import { DomainError } from "@/lib/errors";

const uuid = z.guid();

/** Whether `id` can be a row id at all (a malformed one is "not found", never a database error). */
export const isId = (id: unknown): id is string => uuid.safeParse(id).success;

export function assertId(id: unknown, what: string): asserts id is string {
  if (!isId(id)) throw new DomainError("not-found", `no such ${what}`);
}
