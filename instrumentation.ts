// Runs once when a server instance starts: bring the schema up to date and make sure the
// bootstrap accounts (and, on an empty database, the demo) exist. Idempotent and safe to run
// from many instances at once (migrations take an advisory lock; seeding uses natural keys).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { handle } = await import("@/db/client");
  const { runMigrations } = await import("@/db/migrate");
  const { seed } = await import("@/db/seed");
  const { env } = await import("@/lib/env");
  await runMigrations(handle(), env.DATABASE_URL);
  await seed({ log: () => {} });
}
