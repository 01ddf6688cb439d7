// Where each version of a rule key stands at an instant. The version in force at t is the highest
// version whose effectiveAt ≤ t, so a version is ever in force only if no HIGHER version takes effect
// at or before it: publishing "now" over a scheduled version silently cancels the scheduled one.
// The editor shows that outcome instead of hiding it.

export type VersionStatus =
  /** The version in force at the instant. */
  | "in-force"
  /** Takes effect later and will be in force then. */
  | "scheduled"
  /** Was in force, replaced since. */
  | "past"
  /** Never in force: a higher version takes effect at or before its effective time. */
  | "superseded";

export interface VersionTiming {
  version: number;
  effectiveAt: Date;
}

export function versionStatuses<T extends VersionTiming>(versions: readonly T[], at: Date): Map<number, VersionStatus> {
  const byVersion = [...versions].sort((a, b) => b.version - a.version);
  const out = new Map<number, VersionStatus>();
  let earliestAbove = Infinity; // min effectiveAt of all higher versions
  let inForce: number | null = null;
  for (const v of byVersion) {
    if (inForce === null && v.effectiveAt.getTime() <= at.getTime()) inForce = v.version;
  }
  for (const v of byVersion) {
    const t = v.effectiveAt.getTime();
    const ever = t < earliestAbove;
    earliestAbove = Math.min(earliestAbove, t);
    if (!ever) out.set(v.version, "superseded");
    else if (v.version === inForce) out.set(v.version, "in-force");
    else if (t > at.getTime()) out.set(v.version, "scheduled");
    else out.set(v.version, "past");
  }
  return out;
}

/** Versions that would never take effect if a new version became effective at `effectiveAt`. */
export function supersededBy<T extends VersionTiming>(versions: readonly T[], effectiveAt: Date, at: Date): T[] {
  const status = versionStatuses(versions, at);
  return versions.filter((v) => status.get(v.version) === "scheduled" && v.effectiveAt.getTime() >= effectiveAt.getTime());
}
