// Command-line helpers shared by the scripts and the benchmarks.
import os from "node:os";

/** A command line's `--name value` options; a `--flag` with no value (or before another option) is "true". */
export function cliOptions(argv: readonly string[] = process.argv.slice(2)): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith("--")) options.set(a.slice(2), argv[i + 1] && !argv[i + 1]!.startsWith("--") ? argv[++i]! : "true");
  }
  return options;
}

/** The 1, 5 and 15 minute load averages, printed beside every figure measured on a shared machine. */
export const loadAverage = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
