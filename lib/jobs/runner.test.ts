import { afterEach, describe, expect, test, vi } from "vitest";
import { describeError, runSteps, startRunner, type Step } from "./runner";
import type { Locked } from "./try-lock";

/** A lock that says "held elsewhere" for the names given and runs everything else. */
const lockExcept =
  (...busy: string[]) =>
  async <T,>(name: string, fn: () => Promise<T>): Promise<Locked<T>> =>
    busy.includes(name) ? { ran: false } : { ran: true, value: await fn() };

function recorder() {
  const lines: { line: string; level: string }[] = [];
  return { lines, log: (line: string, level: "info" | "error") => void lines.push({ line, level }) };
}

const step = (name: string, run: () => Promise<string> = async () => `${name} done`): Step => ({ name, run: vi.fn(run) });

describe("runSteps", () => {
  test("runs each step in order and logs what it did", async () => {
    const order: string[] = [];
    const steps = ["a", "b"].map((n) => step(n, async () => (order.push(n), `${n}: 3 rows`)));
    const { lines, log } = recorder();
    expect(await runSteps(steps, { log, lock: lockExcept() })).toEqual({ a: "ran", b: "ran" });
    expect(order).toEqual(["a", "b"]);
    expect(lines).toEqual([
      { line: "[jobs] a: a: 3 rows", level: "info" },
      { line: "[jobs] b: b: 3 rows", level: "info" },
    ]);
  });

  test("a step whose lock another instance holds is skipped, not run, and the rest still run", async () => {
    const steps = [step("a"), step("b"), step("c")];
    const { lines, log } = recorder();
    expect(await runSteps(steps, { log, lock: lockExcept("b") })).toEqual({ a: "ran", b: "skipped", c: "ran" });
    expect(steps[1]!.run).not.toHaveBeenCalled();
    expect(steps[2]!.run).toHaveBeenCalledOnce();
    expect(lines.find((l) => l.line.includes("b:"))?.line).toContain("skipped");
  });

  test("a failing step is logged as an error (no parameters, no password) and the next step still runs", async () => {
    // drizzle's error lists the statement's parameters; the driver's error is its cause.
    const cause = Object.assign(new Error('connection to postgres://jifen:s3cret@db:5432/jifen failed\nDETAIL: more'), { code: "08006" });
    const wrapped = new Error("Failed query: update members set email = $1\nparams: chen.jing@demo.jifen.dev", { cause });
    const steps = [step("a", () => Promise.reject(wrapped)), step("b")];
    const { lines, log } = recorder();
    expect(await runSteps(steps, { log, lock: lockExcept() })).toEqual({ a: "failed", b: "ran" });
    const error = lines.find((l) => l.level === "error")!;
    expect(error.line).toBe("[jobs] a failed: Error: connection to postgres://***@db:5432/jifen failed [08006]");
    expect(error.line).not.toContain("s3cret");
    expect(error.line).not.toContain("chen.jing");
    expect(steps[1]!.run).toHaveBeenCalledOnce();
  });

  test("describeError copes with things that are not errors", () => {
    expect(describeError("boom")).toBe("boom");
    expect(describeError(undefined)).toBe("undefined");
  });
});

describe("startRunner", () => {
  afterEach(() => void vi.useRealTimers());

  test("runs each job after its first delay, then every interval after the previous run ended; stop ends it", async () => {
    vi.useFakeTimers();
    const fast = step("fast");
    const slow = step("slow", () => new Promise((resolve) => setTimeout(() => resolve("slow done"), 5_000)));
    const { log } = recorder();
    const runner = startRunner(
      [
        { name: "fast", everyMs: 1_000, firstAfterMs: 100, steps: [fast] },
        { name: "slow", everyMs: 10_000, firstAfterMs: 200, steps: [slow] },
      ],
      { log, lock: lockExcept() },
    );
    await vi.advanceTimersByTimeAsync(99);
    expect(fast.run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fast.run).toHaveBeenCalledTimes(1);
    // The slow job's 5 s run does not hold the fast job back: each job has its own timer.
    await vi.advanceTimersByTimeAsync(3_000);
    expect(slow.run).toHaveBeenCalledTimes(1);
    expect(fast.run).toHaveBeenCalledTimes(4);
    // The slow job's next run starts 10 s after its run ended (at 5.2 s), not 10 s after it started.
    await vi.advanceTimersByTimeAsync(12_000); // t = 15.1 s
    expect(slow.run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(200); // t = 15.3 s
    expect(slow.run).toHaveBeenCalledTimes(2);
    // Stopping waits for the slow run in progress, and nothing runs afterwards.
    let stopped = false;
    const stopping = runner.stop().then(() => void (stopped = true));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    await stopping;
    const calls = [vi.mocked(fast.run).mock.calls.length, vi.mocked(slow.run).mock.calls.length];
    await vi.advanceTimersByTimeAsync(60_000);
    expect([vi.mocked(fast.run).mock.calls.length, vi.mocked(slow.run).mock.calls.length]).toEqual(calls);
  });

  test("its timers are unref'd: they never keep the process alive", async () => {
    const spy = vi.spyOn(globalThis, "setTimeout");
    const runner = startRunner([{ name: "x", everyMs: 60_000, firstAfterMs: 60_000, steps: [step("x")] }], { lock: lockExcept() });
    const timer = spy.mock.results[0]!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    await runner.stop();
    spy.mockRestore();
  });
});
