import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { InviteForm, StaffRolesForm } from "@/components/admin-users/forms";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
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
      <Card>
        <CardTitle className="mb-4">{t("staffTitle")}</CardTitle>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="staff-table">
            <caption className="sr-only">{t("staffTitle")}</caption>
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-2 pr-3">{t("person")}</th>
                <th scope="col" className="py-2 pr-3">{t("since")}</th>
                <th scope="col" className="py-2">{t("roles")}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s) => (
                <tr key={s.id} className="border-t border-border align-top">
                  <td className="py-2 pr-3">
                    <p className="font-medium">
                      {s.name || "—"} {s.id === me.userId ? <span className="text-muted">({t("you")})</span> : null}
                    </p>
                    <p className="text-muted">{s.email}</p>
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(s.createdAt, { dateStyle: "medium" })}</td>
                  <td className="py-2">
                    <StaffRolesForm userId={s.id} roles={s.roles} label={s.name || s.email} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle className="mb-1">{t("invite.title")}</CardTitle>
          <p className="mb-4 text-sm text-muted">{t("invite.intro")}</p>
          <InviteForm />
        </Card>
        <Card>
          <CardTitle className="mb-4">{t("invite.openTitle")}</CardTitle>
          {invites.length === 0 ? (
            <p className="text-sm text-muted">{t("invite.none")}</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm" data-testid="open-invites">
              {invites.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 border-t border-border pt-2">
                  <span>
                    <span className="font-medium">{i.email}</span> · {i.roles.map((r) => tr(r)).join(", ")}
                    <br />
                    <span className="text-muted">{t("invite.expires", { date: format.dateTime(i.expiresAt, { dateStyle: "medium", timeStyle: "short" }) })}</span>
                  </span>
                  <form action={withdrawInviteAction}>
                    <input type="hidden" name="id" value={i.id} />
                    <Button type="submit" variant="secondary" aria-label={t("invite.withdrawNamed", { email: i.email })}>
                      {t("invite.withdraw")}
                    </Button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card>
        <CardTitle className="mb-1">{t("grid.title")}</CardTitle>
        <p className="mb-4 text-sm text-muted">{t("grid.intro")}</p>
        <div className="overflow-x-auto">
          <table className="text-left text-sm" data-testid="permission-grid">
            <caption className="sr-only">{t("grid.title")}</caption>
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-2 pr-6">{t("grid.permission")}</th>
                {STAFF_ROLES.map((r) => (
                  <th key={r} scope="col" className="px-3 py-2 text-center">{tr(r)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {permissions.map((p) => (
                <tr key={p} className="border-t border-border">
                  <th scope="row" className="py-1.5 pr-6 font-normal">
                    <span className="font-mono text-xs">{p}</span>
                  </th>
                  {STAFF_ROLES.map((r) => {
                    const allowed = (PERMISSIONS[p] as readonly string[]).includes(r);
                    return (
                      <td key={r} className="px-3 py-1.5 text-center">
                        <span aria-hidden="true" className={allowed ? "text-ok" : "text-muted"}>{allowed ? "✓" : "—"}</span>
                        <span className="sr-only">{allowed ? t("grid.allowed") : t("grid.denied")}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
