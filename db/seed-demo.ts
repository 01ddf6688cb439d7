import { sql } from "drizzle-orm";
import { v5 as uuidv5 } from "uuid";
import { db } from "@/db/client";
import { appMeta, members, users } from "@/db/schema";
import { ensureStaffAccount } from "@/lib/admin/bootstrap-admin";
import { hashPassword } from "@/lib/auth/password";
import { now } from "@/lib/clock";
import { bindReferrer } from "@/lib/distribution/bind-referrer";
import { makeDistributor } from "@/lib/distribution/make-distributor";

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

export const DEMO_PASSWORD = "jifen-demo-2026";
const NAMESPACE = "6f1c3c1e-0b7a-4c43-9a55-1c1f0e7d2a10";
/** Deterministic ids: the same demo gets the same ids on every machine. */
export const demoId = (key: string) => uuidv5(`jifen-demo:${key}`, NAMESPACE);

export const DEMO_LOGINS: DemoLogin[] = [
  { role: "admin", email: "admin@demo.jifen.dev", password: DEMO_PASSWORD },
  { role: "distributor", email: "wang.fang@demo.jifen.dev", password: DEMO_PASSWORD },
  { role: "member", email: "chen.jing@demo.jifen.dev", password: DEMO_PASSWORD },
];

/** Creates the demo once, on an empty database; a later start finds the marker and does nothing. */
export async function seedDemo(log: (s: string) => void): Promise<{ demoSeeded: boolean; logins: DemoLogin[] }> {
  const done = await db.select().from(appMeta).where(sql`${appMeta.key} = 'demo'`);
  if (done.length) return { demoSeeded: false, logins: DEMO_LOGINS };
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(members);
  if (n > 0) {
    log("demo data skipped: the database already has members");
    return { demoSeeded: false, logins: [] };
  }
  const started = Date.now();
  await db.transaction(async (tx) => {
    const claimed = await tx.insert(appMeta).values({ key: "demo", value: { seededAt: now().toISOString() }, updatedAt: now() }).onConflictDoNothing().returning();
    if (!claimed.length) return; // another instance is seeding
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await ensureStaffAccount({ id: demoId("admin"), email: "admin@demo.jifen.dev", password: DEMO_PASSWORD, name: "管理员 Admin" }, tx);

    const chain = [
      { key: "wang.fang", name: "王芳", code: "WANGF8" },
      { key: "zhang.wei", name: "张伟", code: "ZHANGW" },
      { key: "liu.yang", name: "刘洋", code: "LIUY26" },
    ];
    const plain = [{ key: "chen.jing", name: "陈静" }];
    const t = now();
    for (const p of [...chain, ...plain]) {
      const id = demoId(p.key);
      await tx.insert(users).values({ id, email: `${p.key}@demo.jifen.dev`, name: p.name, passwordHash, roles: ["member"], createdAt: t, updatedAt: t });
      await tx.insert(members).values({ id, createdAt: t });
    }
    for (const [i, p] of chain.entries()) {
      await makeDistributor(demoId(p.key), { code: p.code, level: ["senior", "middle", "junior"][i] }, tx);
      if (i > 0) await bindReferrer(tx, demoId(p.key), chain[i - 1]!.code);
    }
    await bindReferrer(tx, demoId("chen.jing"), "LIUY26");
  });
  log(`demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return { demoSeeded: true, logins: DEMO_LOGINS };
}
