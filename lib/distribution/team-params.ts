// The team page's query string: which level, and where the page starts. Anything malformed reads
// as the first page of level 1 (a bad cursor is not an error worth a page of its own).
import { z } from "zod";
import type { TeamLevel } from "./team";

const uuid = z.uuid();

export function teamParams(sp: { level?: string | string[]; after?: string | string[] }): { level: TeamLevel; after?: string } {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const level: TeamLevel = one(sp.level) === "2" ? 2 : 1;
  const after = uuid.safeParse(one(sp.after));
  return after.success ? { level, after: after.data } : { level };
}
