import { headers } from "next/headers";
import { AppShell } from "@/components/shell/app-shell";
import { pagePermission } from "@/components/shell/nav";
import { requirePage } from "@/lib/auth/guard";
import { ClientMessages } from "@/components/i18n/client-messages";

// The admin area. The layout checks the permission of the page being opened (not only admin:view)
// before anything streams, so an operator opening /admin/api-keys gets a real 403 status.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePage(pagePermission("admin", (await headers()).get("x-pathname") ?? "/admin"));
  return (
    <AppShell area="admin" actor={actor}>
      <ClientMessages group="admin">{children}</ClientMessages>
    </AppShell>
  );
}
