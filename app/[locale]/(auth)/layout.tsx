import { PublicHeader } from "@/components/shell/public-header";
import { ClientMessages } from "@/components/i18n/client-messages";

// Sign-in and sign-up: a centred card, phone first, with the language and theme switches.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <PublicHeader />
      <main id="main" className="flex flex-1 items-start justify-center px-4 pb-12 pt-6 sm:items-center">
        <div className="w-full max-w-sm rounded-2xl border border-border bg-surface p-6 shadow-sm">
          <ClientMessages group="auth">{children}</ClientMessages>
        </div>
      </main>
    </div>
  );
}
