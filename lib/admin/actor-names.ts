// Who an actor string in a history row names ("admin:<user id>", "user:<user id>",
// "admin:ops@shop.com", "system:sweep", "api-key:<name>", "system"), so history views can show a
// person instead of an id. People are looked up in one query for the whole page, never per row.
import { inArray } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { users } from "@/db/schema";

export type ActorRef =
  | { kind: "person"; userId: string }
  | { kind: "email"; email: string }
  | { kind: "system"; job: string | null }
  | { kind: "api-key"; name: string }
  | { kind: "other"; raw: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The actor string's parts; anything unrecognised is kept as it is. Pure. */
export function parseActor(raw: string): ActorRef {
  const at = raw.indexOf(":");
  const [prefix, rest] = at < 0 ? [raw, ""] : [raw.slice(0, at), raw.slice(at + 1)];
  if (prefix === "system") return { kind: "system", job: rest || null };
  if (prefix === "api-key" && rest) return { kind: "api-key", name: rest };
  if ((prefix === "admin" || prefix === "user") && UUID.test(rest)) return { kind: "person", userId: rest.toLowerCase() };
  if (prefix === "admin" && rest.includes("@")) return { kind: "email", email: rest };
  return { kind: "other", raw };
}

/** User id → display name (or email when unnamed) for every person the actors name: one query. */
export async function actorNames(actors: Iterable<string>, ex: Executor = db): Promise<Map<string, string>> {
  const ids = [...new Set([...actors].map(parseActor).flatMap((a) => (a.kind === "person" ? [a.userId] : [])))];
  if (!ids.length) return new Map();
  const rows = await ex.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name.trim() || r.email]));
}
