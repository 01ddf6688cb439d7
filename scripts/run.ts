import { spawn } from "node:child_process";

/**
 * Runs a command with inherited output; resolves with its exit code (never throws). SIGINT and
 * SIGTERM sent to this process are passed on, so a stopped runner never leaves a server behind.
 */
export function run(cmd: string, args: string[], env: Record<string, string | undefined> = {}): Promise<number> {
  return new Promise((resolve) => {
    // No telemetry calls from builds and servers we start (the machine may have no internet).
    const child = spawn(cmd, args, { stdio: "inherit", env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, ...env } });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    const done = (code: number) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code);
    };
    child.on("exit", (code, signal) => done(code ?? (signal ? 128 + (signalNumber(signal) ?? 1) : 0)));
    child.on("error", () => done(127));
  });
}

const SIGNALS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
const signalNumber = (s: NodeJS.Signals) => SIGNALS[s];

export const bin = (name: string) => `node_modules/.bin/${name}`;
