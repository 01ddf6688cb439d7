// Runs background steps: once in order (`npm run maintenance`), or every few minutes inside the
// server (startRunner, from instrumentation.ts via lib/jobs/background.ts). A step that another
// instance is running is skipped; a step that fails is logged and the next one still runs — the
// server never crashes for a background step.
import { withTryLock, type Locked } from "./try-lock";

export interface Step {
  /** Also the name of the step's lock: one runner per name at a time, across instances. */
  name: string;
  /** Does the work; returns a line for the log. */
  run: () => Promise<string>;
}

export type StepOutcome = "ran" | "skipped" | "failed";

export interface RunOptions {
  log?: (line: string, level: "info" | "error") => void;
  /** The lock around each step (tests replace it). */
  lock?: <T>(name: string, fn: () => Promise<T>) => Promise<Locked<T>>;
}

const consoleLog = (line: string, level: "info" | "error") => (level === "error" ? console.error(line) : console.log(line));

export async function runStep(step: Step, { log = consoleLog, lock = withTryLock }: RunOptions = {}): Promise<StepOutcome> {
  try {
    const result = await lock(step.name, step.run);
    if (!result.ran) {
      log(`[jobs] ${step.name}: skipped, another instance is running it`, "info");
      return "skipped";
    }
    log(`[jobs] ${step.name}: ${result.value}`, "info");
    return "ran";
  } catch (e) {
    log(`[jobs] ${step.name} failed: ${describeError(e)}`, "error");
    return "failed";
  }
}

/** Every step once, in order; a failed or skipped step does not stop the others. */
export async function runSteps(steps: Step[], options: RunOptions = {}): Promise<Record<string, StepOutcome>> {
  const outcomes: Record<string, StepOutcome> = {};
  for (const step of steps) outcomes[step.name] = await runStep(step, options);
  return outcomes;
}

/**
 * One line for the log, without secrets or data: the driver's own error (drizzle wraps it, and its
 * wrapper's message lists the statement's parameters — members' data), first line only, with any
 * password in a connection URL masked.
 */
export function describeError(e: unknown): string {
  const inner = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  const code = typeof (inner as { code?: unknown })?.code === "string" ? ` [${(inner as { code: string }).code}]` : "";
  const text = inner instanceof Error ? `${inner.name}: ${inner.message}` : String(inner);
  return `${text.split("\n")[0]!.replace(/\/\/[^\s/@]*@/g, "//***@").slice(0, 300)}${code}`;
}

export interface Job {
  name: string;
  /** Pause between the end of one run and the start of the next. */
  everyMs: number;
  /** Delay of the first run after start-up (staggered, so the server answers its first requests first). */
  firstAfterMs: number;
  steps: Step[];
}

export interface Runner {
  /** No new runs; resolves when the run in progress (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Each job on its own timer, so a long sweep never holds back the analytics refresh. A job's next
 * run is scheduled when its run ends (never two runs of one job at once in this process). Timers
 * are unref'd: they never keep a process alive that has nothing else to do.
 */
export function startRunner(jobs: Job[], options: RunOptions = {}): Runner {
  let stopped = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const inFlight = new Set<Promise<unknown>>();
  const schedule = (job: Job, delay: number) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const run = (async () => {
        for (const step of job.steps) {
          if (stopped) return;
          await runStep(step, options);
        }
      })();
      inFlight.add(run);
      void run.finally(() => {
        inFlight.delete(run);
        schedule(job, job.everyMs);
      });
    }, delay);
    timer.unref();
    timers.add(timer);
  };
  for (const job of jobs) schedule(job, job.firstAfterMs);
  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.all(inFlight);
    },
  };
}
