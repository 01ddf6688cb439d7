import { AppShell } from "@/components/shell/app-shell";
import { requirePage } from "@/lib/auth/guard";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function DistributorLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePage("distributor:use");
  return (
    <AppShell area="distributor" actor={actor}>
      <ClientMessages group="distributor">{children}</ClientMessages>
    </AppShell>
  );
}
