import { AppShell } from "@/components/shell/app-shell";
import { requirePage } from "@/lib/auth/guard";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePage("admin:view");
  return (
    <AppShell area="admin" actor={actor}>
      {children}
    </AppShell>
  );
}
