import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { InviteForm, StaffRolesForm } from "@/components/admin-users/forms";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTableCard, RowAction } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { listOpenInvites, listStaff, STAFF_ROLES } from "@/lib/admin/staff";
import { requirePage } from "@/lib/auth/guard";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { withdrawInviteAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("admins") };
}

// Staff of the console: who has which role, invitations, and the (read-only) role × permission table.
export default async function AdminsPage() {
  const me = await requirePage("admin:admins");
  const [t, tr, format, staff, invites] = await Promise.all([getTranslations("adminUsers"), getTranslations("roles"), getFormatter(), listStaff(), listOpenInvites()]);
  const permissions = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => STAFF_ROLES.some((r) => (PERMISSIONS[p] as readonly string[]).includes(r)));
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <DataTableCard
        title={t("staffTitle")}
        testId="staff-table"
        rows={staff}
        rowKey={(s) => s.id}
        empty={t("staffTitle")}
        columns={[
          {
            header: t("person"),
            cell: (s) => (
              <>
                <p className="font-medium">
                  {s.name || "—"} {s.id === me.userId ? <span className="text-muted">({t("you")})</span> : null}
                </p>
                <p className="text-muted">{s.email}</p>
              </>
            ),
          },
          { header: t("since"), cell: (s) => format.dateTime(s.createdAt, { dateStyle: "medium" }), className: "whitespace-nowrap" },
          { header: t("roles"), cell: (s) => <StaffRolesForm userId={s.id} roles={s.roles} label={s.name || s.email} /> },
        ]}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle className="mb-1">{t("invite.title")}</CardTitle>
          <p className="mb-4 text-sm text-muted">{t("invite.intro")}</p>
          <InviteForm />
        </Card>
        <DataTableCard
          title={t("invite.openTitle")}
          testId="open-invites"
          rows={invites}
          rowKey={(i) => i.id}
          empty={<p className="text-sm text-muted">{t("invite.none")}</p>}
          align="middle"
          columns={[
            {
              header: t("invite.email"),
              cell: (i) => (
                <>
                  <span className="font-medium break-all">{i.email}</span> · {i.roles.map((r) => tr(r)).join(", ")}
                  <p className="text-muted">{t("invite.expires", { date: format.dateTime(i.expiresAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
                </>
              ),
            },
            {
              header: t("invite.withdraw"),
              srOnly: true,
              className: "text-right",
              cell: (i) => <RowAction action={withdrawInviteAction} id={i.id} label={t("invite.withdraw")} ariaLabel={t("invite.withdrawNamed", { email: i.email })} />,
            },
          ]}
        />
      </div>
      <DataTableCard
        title={t("grid.title")}
        intro={t("grid.intro")}
        testId="permission-grid"
        rows={permissions}
        rowKey={(p) => p}
        empty={t("grid.title")}
        columns={[
          { header: t("grid.permission"), rowHeader: true, cell: (p) => <span className="font-mono text-xs">{p}</span> },
          ...STAFF_ROLES.map((r) => ({
            header: tr(r),
            headerClassName: "px-3 text-center",
            className: "px-3 text-center",
            cell: (p: Permission) => {
              const allowed = (PERMISSIONS[p] as readonly string[]).includes(r);
              return (
                <>
                  <span aria-hidden="true" className={allowed ? "text-ok" : "text-muted"}>{allowed ? "✓" : "—"}</span>
                  <span className="sr-only">{allowed ? t("grid.allowed") : t("grid.denied")}</span>
                </>
              );
            },
          })),
        ]}
      />
    </div>
  );
}
