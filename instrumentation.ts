// Runs once when a server instance starts: bring the schema up to date, make sure the bootstrap
// accounts (and, on an empty database, the demo) exist, then start the background jobs (analytics
// refresh, sweeps, scheduled grants; BACKGROUND_JOBS=false turns them off). Idempotent and safe to
// run from many instances at once (migrations take an advisory lock; seeding uses natural keys; each
// job step takes a try-lock).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { handle } = await import("@/db/client");
  const { runMigrations } = await import("@/db/migrate");
  const { seed } = await import("@/db/seed");
  const { env } = await import("@/lib/env");
  await runMigrations(handle(), env.DATABASE_URL);
  await seed({ log: () => {} });
  const { startBackgroundJobs } = await import("@/lib/jobs/background");
  startBackgroundJobs();
}
