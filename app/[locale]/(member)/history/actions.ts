"use server";

import { z } from "zod";
import { historyPage, type HistoryPage } from "@/components/member/history-data";
import { HISTORY_FILTERS } from "@/components/member/history-filter";
import { requireAction } from "@/lib/auth/guard";
import { DomainError } from "@/lib/errors";

const input = z.object({
  filter: z.enum(HISTORY_FILTERS).nullable().default(null),
  cursor: z.string().min(1).max(1000),
});

// The next page of the member's own ledger (the history list's infinite scroll).
export async function loadHistoryPage(raw: { filter: string | null; cursor: string }): Promise<HistoryPage> {
  const actor = await requireAction("member:use");
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new DomainError("invalid-request", "bad history page request");
  const page = await historyPage(actor.userId, parsed.data.filter, parsed.data.cursor);
  if (!page) throw new DomainError("invalid-request", "invalid cursor");
  return page;
}
