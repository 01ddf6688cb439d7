import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { clientMessagesFor, type RouteGroup } from "@/lib/i18n/client-messages";

/** Gives a route group's client components the message namespaces they use (and no others). */
export async function ClientMessages({ group, children }: { group: RouteGroup; children: ReactNode }) {
  return <NextIntlClientProvider messages={clientMessagesFor(await getMessages(), group)}>{children}</NextIntlClientProvider>;
}
