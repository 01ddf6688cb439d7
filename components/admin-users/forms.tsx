"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { inviteStaffAction, setStaffRolesAction, type InviteState, type RolesState } from "@/app/[locale]/(admin)/admin/admins/actions";
import { acceptInviteAction, type AcceptState } from "@/app/[locale]/(auth)/invite/[token]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

const STAFF_ROLES = ["admin", "operator", "finance"] as const;

function RoleChecks({ name, checked, idPrefix }: { name: string; checked: readonly string[]; idPrefix: string }) {
  const t = useTranslations();
  return (
    <div className="flex flex-wrap gap-x-4 gap-y-1">
      {STAFF_ROLES.map((r) => (
        <label key={r} htmlFor={`${idPrefix}-${r}`} className="flex min-h-11 items-center gap-2 text-sm">
          <input id={`${idPrefix}-${r}`} type="checkbox" name={name} value={r} defaultChecked={checked.includes(r)} className="size-4" />
          {t(`roles.${r}`)}
        </label>
      ))}
    </div>
  );
}

/** Invite by email with roles; the single-use link is shown once. */
export function InviteForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState<InviteState, FormData>(inviteStaffAction, {});
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-4">
      {state.link ? (
        <Alert tone="success">
          <p className="font-medium">{t("adminUsers.invite.created", { email: state.email ?? "" })}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code data-testid="invite-link" className="break-all rounded bg-surface px-2 py-1 font-mono text-xs text-fg">
              {state.link}
            </code>
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(state.link!);
                setCopied(true);
              }}
            >
              {copied ? t("adminUsers.invite.copied") : t("adminUsers.invite.copy")}
            </Button>
          </div>
        </Alert>
      ) : null}
      <form action={action} className="flex flex-col gap-3" noValidate>
        <Field label={t("adminUsers.invite.email")} name="email" type="email" autoComplete="off" error={state.errors?.email ? t(state.errors.email) : undefined} />
        <fieldset aria-describedby={state.errors?.roles ? "invite-roles-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">{t("adminUsers.roles")}</legend>
          <RoleChecks name="roles" checked={["operator"]} idPrefix="invite-role" />
          {state.errors?.roles ? (
            <p id="invite-roles-error" className="mt-1 text-sm text-danger">
              {t(state.errors.roles)}
            </p>
          ) : null}
        </fieldset>
        <SubmitButton pending={pending}>{t("adminUsers.invite.submit")}</SubmitButton>
      </form>
    </div>
  );
}

/** One staff member's roles: save, or revoke all staff access. */
export function StaffRolesForm({ userId, roles, label }: { userId: string; roles: readonly string[]; label: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<RolesState, FormData>(setStaffRolesAction, {});
  return (
    <form action={action} className="flex flex-col gap-1" aria-label={t("adminUsers.rolesOf", { name: label })}>
      <input type="hidden" name="userId" value={userId} />
      <RoleChecks name="roles" checked={roles} idPrefix={`roles-${userId}`} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" disabled={pending} aria-label={t("adminUsers.saveNamed", { name: label })}>
          {t("adminUsers.save")}
        </Button>
        <Button type="submit" name="revoke" value="1" variant="danger" disabled={pending} aria-label={t("adminUsers.revokeNamed", { name: label })}>
          {t("adminUsers.revoke")}
        </Button>
      </div>
      {state.error ? (
        <p role="alert" className="text-sm text-danger">
          {t(state.error)}
        </p>
      ) : state.saved ? (
        <p role="status" className="text-sm text-ok">
          {t("adminUsers.saved")}
        </p>
      ) : null}
    </form>
  );
}

/** The invitee's form: a name and a password, then they are signed in. */
export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<AcceptState, FormData>(acceptInviteAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.errors?.form ? <Alert tone="error">{t(state.errors.form)}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Field label={t("adminUsers.invite.email")} name="email" value={email} readOnly autoComplete="username" />
      <Field label={t("adminUsers.invite.name")} name="name" autoComplete="name" defaultValue={state.values?.name} error={state.errors?.name ? t(state.errors.name) : undefined} />
      <Field label={t("adminUsers.invite.password")} name="password" type="password" autoComplete="new-password" hint={t("adminUsers.invite.passwordHint")} error={state.errors?.password ? t(state.errors.password) : undefined} />
      <Button type="submit" disabled={pending}>
        {pending ? t("common.working") : t("adminUsers.invite.accept")}
      </Button>
    </form>
  );
}
