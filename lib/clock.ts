// The one clock (DESIGN invariant 7). Tests move it with setClock; production reads the system time.
// CLOCK_OFFSET_MS lets an end-to-end run shift a production server's clock without code changes.
let source: () => number = () => Date.now() + Number(process.env.CLOCK_OFFSET_MS ?? 0);

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
  source = () => Date.now() + Number(process.env.CLOCK_OFFSET_MS ?? 0);
}

export const DAY_MS = 86_400_000;
