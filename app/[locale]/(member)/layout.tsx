import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { AREA_HOME, type Area } from "@/components/shell/nav";
import { currentUser, requirePage } from "@/lib/auth/guard";
import { notFoundUnlessOwned } from "@/lib/auth/owned-pages";
import { can } from "@/lib/auth/permissions";
import { ClientMessages } from "@/components/i18n/client-messages";

// Member area. The home page doubles as the public landing page, so an anonymous visitor is let
// through here (the page decides). A signed-in staff account without the member role lands on its
// own area from "/"; any other member page refuses it with a real 403 (checked before streaming).
// Every page checks again itself.
export default async function MemberLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  const path = ((await headers()).get("x-pathname") ?? "/").split("?")[0]!;
  // Anonymous visitors get the landing page at "/" and are sent to sign in (a real redirect, before
  // anything streams) from every other member page.
  if (!user && path === "/") return <ClientMessages group="member">{children}</ClientMessages>;
  if (user && !can(user.roles, "member:use") && path === "/") {
    const home = (["admin", "distributor"] as Area[]).find((a) => can(user.roles, AREA_HOME[a].permission));
    redirect(home ? AREA_HOME[home].href : "/account");
  }
  const actor = await requirePage("member:use");
  // Someone else's redemption: a real 404, decided before the page's loading boundary streams a 200.
  await notFoundUnlessOwned(path ?? "/", actor.userId);
  return (
    <AppShell area="member" actor={actor}>
      <ClientMessages group="member">{children}</ClientMessages>
    </AppShell>
  );
}
