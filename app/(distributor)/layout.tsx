import { AppShell } from "@/components/shell/app-shell";
import { requirePage } from "@/lib/auth/guard";

export default async function DistributorLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePage("distributor:use");
  return (
    <AppShell area="distributor" actor={actor}>
      {children}
    </AppShell>
  );
}
