// An actor in a history view, as a person reads it: a staff member's or member's name (the raw
// actor string stays in the tooltip for support), the system's jobs in the reader's language.
import { getTranslations } from "next-intl/server";
import { actorNames, parseActor } from "@/lib/admin/actor-names";

export type ActorLabel = (raw: string) => string;

/** A labeller for a page's actors: one lookup of every person they name, then pure. */
export async function actorLabeller(actors: Iterable<string>): Promise<ActorLabel> {
  const [t, names] = await Promise.all([getTranslations("adminMembers.actors"), actorNames(actors)]);
  return (raw) => {
    const a = parseActor(raw);
    switch (a.kind) {
      case "person":
        return names.get(a.userId) ?? raw;
      case "email":
        return a.email;
      case "system":
        return a.job ? t("systemJob", { job: t.has(`jobs.${a.job}`) ? t(`jobs.${a.job}` as "jobs.sweep") : a.job }) : t("system");
      case "api-key":
        return t("apiKey", { name: a.name });
      default:
        return raw;
    }
  };
}

export function Actor({ raw, label }: { raw: string; label: ActorLabel }) {
  return <span title={raw}>{label(raw)}</span>;
}
