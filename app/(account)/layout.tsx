import { AppShell } from "@/components/shell/app-shell";
import type { Area } from "@/components/shell/nav";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";

// Account pages belong to every signed-in role; the shell shows the user's main area around them.
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePage("account:self");
  const area: Area = can(actor.roles, "member:use") ? "member" : can(actor.roles, "admin:view") ? "admin" : "distributor";
  return (
    <AppShell area={area} actor={actor}>
      {children}
    </AppShell>
  );
}
