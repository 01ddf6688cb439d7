// The admin catalogue list: search by sku or name (either language), filter by type, category and
// active, newest first, one page at a time. The catalogue is hundreds of rows, not millions: an
// offset page with a total is what the table needs.
import { and, asc, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { REWARD_TYPES, rewards, type Reward } from "@/db/schema";

export const PAGE_SIZE = 20;

export const catalogueQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  type: z.enum(REWARD_TYPES).optional().catch(undefined),
  category: z.string().trim().max(40).optional().catch(undefined),
  active: z.enum(["true", "false"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type CatalogueQuery = z.output<typeof catalogueQuerySchema>;

export interface CataloguePage {
  rewards: Reward[];
  total: number;
  page: number;
  pages: number;
  categories: string[];
}

/** `%`, `_` and `\` typed in the search box are letters, not patterns. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchRewards(query: Partial<Record<keyof CatalogueQuery, unknown>>): Promise<CataloguePage> {
  const q = catalogueQuerySchema.parse(query);
  const where: SQL[] = [];
  if (q.q) {
    const like = `%${likeEscape(q.q)}%`;
    where.push(or(ilike(rewards.sku, like), ilike(rewards.name, like), ilike(rewards.nameEn, like))!);
  }
  if (q.type) where.push(eq(rewards.type, q.type));
  if (q.category) where.push(eq(rewards.category, q.category));
  if (q.active) where.push(eq(rewards.active, q.active === "true"));
  const filter = where.length ? and(...where) : undefined;
  const [[total], rows, categories] = await Promise.all([
    db.select({ n: count() }).from(rewards).where(filter),
    db.select().from(rewards).where(filter).orderBy(desc(rewards.createdAt), desc(rewards.id)).limit(PAGE_SIZE).offset((q.page - 1) * PAGE_SIZE),
    listCategories(),
  ]);
  const n = total?.n ?? 0;
  return { rewards: rows, total: n, page: q.page, pages: Math.max(1, Math.ceil(n / PAGE_SIZE)), categories };
}

/** Every category in use, for the filter and the form's suggestions. */
export async function listCategories(): Promise<string[]> {
  return (await db.selectDistinct({ category: rewards.category }).from(rewards).orderBy(asc(rewards.category))).map((c) => c.category);
}
