// The one clock (DESIGN invariant 7). Tests move it with setClock; production reads the system time.
//
// Across processes (the soak moves the clock of two `next start` servers and of itself), a test run
// sets CLOCK_OFFSET_MS, read on every call. It is honoured only together with JIFEN_TEST_CLOCK=1:
// a deployment that carries a stray CLOCK_OFFSET_MS keeps the real time, and a server that does run
// on a moved clock says so once, on its first reading. The offset is read from the environment, not
// from the database, so no request, API key or admin can move it.
const offset = (): number => {
  if (process.env.JIFEN_TEST_CLOCK !== "1") return 0;
  const ms = Number(process.env.CLOCK_OFFSET_MS ?? 0);
  if (!Number.isFinite(ms)) return 0;
  if (ms !== 0 && !warned) {
    warned = true;
    console.warn(`[jifen] TEST CLOCK: time is moved by ${ms} ms (JIFEN_TEST_CLOCK=1, CLOCK_OFFSET_MS); never set these in production`);
  }
  return ms;
};
let warned = false;
let source: () => number = () => Date.now() + offset();

export function now(): Date {
  return new Date(source());
}

export function setClock(fn: () => number | Date): void {
  source = () => {
    const v = fn();
    return typeof v === "number" ? v : v.getTime();
  };
}

/** Test helper: freeze time at `at`, returning a function that moves it forward. */
export function freezeClock(at: Date | string): { advance(ms: number): void; set(at: Date | string): void } {
  let t = new Date(at).getTime();
  setClock(() => t);
  return {
    advance: (ms) => void (t += ms),
    set: (d) => void (t = new Date(d).getTime()),
  };
}

export function resetClock(): void {
  source = () => Date.now() + offset();
}

export const DAY_MS = 86_400_000;
