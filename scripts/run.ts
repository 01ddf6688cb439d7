import { spawn } from "node:child_process";

/** Runs a command with inherited output; resolves with its exit code (never throws). */
export function run(cmd: string, args: string[], env: Record<string, string | undefined> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(127));
  });
}

export const bin = (name: string) => `node_modules/.bin/${name}`;
