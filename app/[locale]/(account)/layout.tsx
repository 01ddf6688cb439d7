import { AppShell } from "@/components/shell/app-shell";
import type { Area } from "@/components/shell/nav";
import { headers } from "next/headers";
import { requirePage } from "@/lib/auth/guard";
import { notFoundUnlessOwned } from "@/lib/auth/owned-pages";
import { can } from "@/lib/auth/permissions";
import { ClientMessages } from "@/components/i18n/client-messages";

// Account pages belong to every signed-in role; the shell shows the user's main area around them.
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePage("account:self");
  // Someone else's address: a real 404, decided before the loading boundary streams a 200 (staff
  // accounts have no addresses; their page explains that instead).
  if (can(actor.roles, "member:use")) await notFoundUnlessOwned(((await headers()).get("x-pathname") ?? "/").split("?")[0]!, actor.userId);
  const area: Area = can(actor.roles, "member:use") ? "member" : can(actor.roles, "admin:view") ? "admin" : "distributor";
  return (
    <AppShell area={area} actor={actor}>
      <ClientMessages group="account">{children}</ClientMessages>
    </AppShell>
  );
}
