// Shared by the bench scripts: the Postgres server's maintenance connection, and production Next
// servers started on a port against one database (the build must exist; built once if it does not).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import postgres from "postgres";

export const PG_SERVER = (process.env.BENCH_PG ?? process.env.CI_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432").replace(/\/$/, "");

export const dbUrl = (name: string) => `${PG_SERVER}/${name}`;

/** Runs one statement on the server's maintenance database (create/drop database). */
export async function adminSql(statement: string): Promise<void> {
  const c = postgres(`${PG_SERVER}/postgres`, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await c.unsafe(statement);
  } finally {
    await c.end();
  }
}

export async function databaseExists(name: string): Promise<boolean> {
  const c = postgres(`${PG_SERVER}/postgres`, { max: 1, onnotice: () => {} });
  try {
    return (await c`select 1 from pg_database where datname = ${name}`).length > 0;
  } finally {
    await c.end();
  }
}

export function ensureBuild(): void {
  if (existsSync(".next/BUILD_ID")) return;
  console.log("no production build (.next/BUILD_ID): running next build once");
  execFileSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}

export interface AppServer {
  base: string;
  port: number;
  /** The `next start` process, leader of its own process group (its children share the group). */
  pid: number;
  /** Everything the server wrote, newest last (for a failure report). */
  output(): string;
  /** Called with every line of stdout. */
  onLine(fn: (line: string) => void): void;
  stop(): Promise<void>;
  /** kill -9 of the server's whole process group, at once (a crash: no shutdown hooks run). */
  kill(): Promise<void>;
}

// Servers still running when this process ends (an exception, a signal) are killed with it.
const running = new Set<number>();
process.once("exit", () => {
  for (const pid of running) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {}
  }
});

/** A port nothing listens on now (the OS picks it), or `wanted` after checking it is free. */
export function freePort(wanted = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (e) => reject(new Error(`port ${wanted} is in use on 127.0.0.1 (${(e as Error).message})`)));
    probe.listen(wanted, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `next start` on 127.0.0.1:port against `databaseUrl`, resolved once /api/health answers. The port
 * is checked free first, so a health check can never be answered by someone else's server.
 */
export async function startServer(wantedPort: number, databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<AppServer> {
  const port = await freePort(wantedPort);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-0123456789abcdef",
    SEED_DEMO: "false",
    API_RATE_LIMIT_PER_MINUTE: "100000000",
    DB_POOL_MAX: "10",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // A benchmark measures its own load, not a sweep or refresh that happens to start mid-run.
    BACKGROUND_JOBS: "false",
    ...extraEnv,
  };
  // Its own process group, so stopping it also stops anything `next start` spawned.
  // "localhost", not "127.0.0.1": with a loopback address Next sends proxy.ts's rewrites (every
  // page, app/[locale]) over the network to itself and fails (vercel/next.js#94745).
  const child: ChildProcess = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "localhost"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  const listeners: ((line: string) => void)[] = [];
  let partial = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    log = (log + text).slice(-20_000);
    const lines = (partial + text).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) for (const fn of listeners) fn(line);
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  });
  running.add(child.pid!);
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      running.delete(child.pid!);
      resolve();
    }),
  );
  let stopped = false;
  const server: AppServer = {
    base: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    output: () => log,
    onLine: (fn) => void listeners.push(fn),
    async kill() {
      stopped = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {}
      await exited;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, "SIGTERM");
        } catch {}
        const killer = setTimeout(() => {
          try {
            process.kill(-child.pid!, "SIGKILL");
          } catch {}
        }, 5_000);
        await exited;
        clearTimeout(killer);
      }
    },
  };
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start on port ${port} exited (code ${child.exitCode}):\n${log}`);
    try {
      if ((await fetch(`${server.base}/api/health`)).ok && child.exitCode === null) return server;
    } catch {}
    if (Date.now() > until) {
      await server.stop();
      throw new Error(`next start on port ${port} did not answer /api/health within 120 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

/** Resident memory of a process group (a server and whatever it spawned), in bytes, from /proc (Linux). */
export function groupRss(pgid: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid pgrp …" — comm may hold spaces, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}
