// npm run seed:scale -- --members 1000000 [--fresh] [--chunk 50000] [--now 2026-11-23T00:00:00Z]
//
// Fills the Postgres database at DATABASE_URL with a realistic programme at merchant scale
// (issue 7, "Scale data"): members over a year of join dates, a distributor forest (closure rows,
// depth ≤ 6, skewed team sizes), ~10 ledger entries per member with lots in every state, one order
// per member (5 % partly refunded), rewards and redemptions. Set-based SQL only
// (`insert … select generate_series`, chunked by member, one progress line per chunk), ids are
// md5-derived so two runs with the same --members and --now give the same rows.
//
// The ledger is built so `npm run ledger:verify` holds by construction. Per member g (E = 6..10 lots):
//   lot 1   sign-up bonus; g%3=0 expired and swept (an `expire` entry + allocation, remaining 0),
//           g%3=1 expired but not swept yet (work for the expiry sweep), g%3=2 never expires
//   lot 2   fully consumed by the member's spend (allocation = amount)
//   lot 3   half consumed by that spend (allocation = ⌊amount/2⌋)
//   lot 4   the earn of order g; g%20=7 the order is 40 % refunded → a `reverse` entry + allocation
//   lot E   g%4=0 still pending (availableAt in the future)
//   others  available, expiring a year after they were earned
// so Σ entries = Σ lots.remaining, lot.remaining = amount − Σ allocations, and the balance row
// (written at --now) is what the lots give at --now. g%10=3 spends through a mall redemption.
// Distributor commissions and wallets are NOT generated (see BENCHMARKS.md).
import { createHash } from "node:crypto";
import postgres from "postgres";
import { openPostgres } from "@/db/client";
import { runMigrations } from "@/db/migrate";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i]!;
  if (a.startsWith("--")) args.set(a.slice(2), process.argv[i + 1] && !process.argv[i + 1]!.startsWith("--") ? process.argv[++i]! : "true");
}
const N = Number(args.get("members") ?? 1_000_000);
const CHUNK = Number(args.get("chunk") ?? 50_000);
const FRESH = args.get("fresh") === "true";
// The seed's "now": every timestamp is relative to it (default: today 00:00 UTC, so reruns on
// the same day are identical).
const NOW_ISO = args.get("now") ?? `${new Date().toISOString().slice(0, 10)}T00:00:00Z`;
const URL_ = process.env.DATABASE_URL;
const TRACE = args.get("trace") === "true"; // time of every statement

if (!URL_ || !/^postgres(ql)?:\/\//.test(URL_)) {
  console.error("seed:scale needs DATABASE_URL=postgres://… (a Postgres database; PGlite is not supported)");
  process.exit(2);
}
if (!Number.isInteger(N) || N < 100) {
  console.error("--members must be an integer ≥ 100");
  process.exit(2);
}
if (Number.isNaN(Date.parse(NOW_ISO))) {
  console.error(`--now is not a timestamp: ${NOW_ISO}`);
  process.exit(2);
}

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
const log = (s: string) => console.log(`[${elapsed().padStart(7)}] ${s}`);

// ---------------------------------------------------------------- the shape, as SQL expressions of g

const NOW = `timestamptz '${new Date(NOW_ISO).toISOString()}'`;
const DISTRIBUTORS = Math.floor(N / 20); // g % 20 = 0 → distributor number g / 20
const REWARDS = Math.max(100, Math.min(10_000, Math.floor(N / 100)));
// Distributor levels 0..5 grow ×3 (roots first): level L holds R0·3^L distributors, so the
// distributors fill at most 6 levels and their members sit at depth ≤ 6.
const R0 = Math.max(1, Math.ceil(DISTRIBUTORS / 364));
const member = (g: string) => `md5('member-' || ${g})::uuid`;
/** A pseudo-random fraction in [0, 1) of an integer expression (multiplicative hashing). */
const frac = (x: string, mult: number) => `((((${x})::bigint * ${mult}) % 4294967296) / 4294967296.0)`;
// Join date: spread over the year before now (the last 65 days excluded, so every member has history).
const join = `(${NOW} - interval '365 days' + ((g::bigint * 2654435761) % 25920000) * interval '1 second')`;
const lots = `(6 + g % 5)`;
/** When lot i was earned: evenly through the member's history, the last two slots left for later activity. */
const earnedAt = (i: string) => `(${join} + (${NOW} - ${join}) * (${i}::float8 / (${lots} + 2)))`;
const amount = (i: string) => `(50 + (g::bigint * 7919 + ${i} * 104729) % 951)`;
const spendAt = `(${earnedAt("3.5")})`;
const refundAt = `(${earnedAt("4")} + interval '2 days')`;
const expiry1 = `(${earnedAt("1")} + interval '45 days')`;
const reversed4 = `((${amount("4")} * 4) / 10)`;
const spendPoints = `(${amount("2")} + ${amount("3")} / 2)`;

/** Referrer of member g (a distributor's member number), or null: the distributor forest. */
function parentFunction(): string {
  const levels: { start: number; end: number; size: number }[] = [];
  let start = 1;
  for (let L = 0; L < 6; L++) {
    const size = R0 * 3 ** L;
    levels.push({ start, end: start + size - 1, size });
    start += size;
  }
  // Distributor d at level L ≥ 1 picks its parent in level L−1, skewed to the first ones (power 2.2):
  // the first root ends up with ~10 % of everyone below it, the next ones with a few %, most with few.
  const d = "(g / 20)";
  const cases = levels
    .slice(1)
    .map((l, k) => `when ${d} <= ${l.end} then 20 * (${levels[k]!.start} + floor(${levels[k]!.size} * power(${frac(d, 2246822519)}, 2.2)))::bigint`)
    .join(" ");
  return `
    create or replace function pg_temp.seed_parent(g bigint) returns bigint language sql immutable as $$
      select case
        when g % 20 = 0 then (case when ${d} <= ${levels[0]!.end} then null ${cases} end)
        when g % 5 = 1 then null  -- a fifth of the plain members joined without a referral
        else 20 * (1 + floor(${DISTRIBUTORS} * power(${frac("g", 3266489917)}, 2)))::bigint
      end
    $$`;
}

// ---------------------------------------------------------------- running

const sql = postgres(URL_, { max: 1, onnotice: () => {} });

async function chunked(label: string, total: number, statements: (from: number, to: number) => string[]) {
  const t = performance.now();
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    for (const s of statements(from, to)) {
      const ts = performance.now();
      await sql.unsafe(s);
      if (TRACE) log(`    ${((performance.now() - ts) / 1000).toFixed(2)}s ${s.trim().split("\n")[0]!.slice(0, 70)}`);
    }
    log(`${label}: ${to.toLocaleString("en")} / ${total.toLocaleString("en")} (${((performance.now() - t) / 1000).toFixed(1)}s for this step)`);
  }
}

const BIG_TABLES = [
  "users", "members", "distributors", "referral_paths", "point_entries", "point_lots", "point_allocations",
  "point_balances", "orders", "order_lines", "refunds", "rewards", "redemptions", "stock_movements",
];

async function prepare() {
  const dbName = new URL(URL_!).pathname.slice(1);
  if (FRESH) {
    if (["postgres", "template0", "template1", "test"].includes(dbName)) throw new Error(`refusing to drop database ${dbName}`);
    const admin = new URL(URL_!);
    admin.pathname = "/postgres";
    const a = postgres(admin.toString(), { max: 1, onnotice: () => {} });
    try {
      await a.unsafe(`drop database if exists "${dbName}" with (force)`);
      await a.unsafe(`create database "${dbName}"`);
    } finally {
      await a.end();
    }
    log(`recreated database ${dbName}`);
  }
  const h = openPostgres(URL_!, 1);
  try {
    await runMigrations(h, URL_!);
  } finally {
    await h.close();
  }
  log("migrations applied");
  const [row] = await sql<{ n: string }[]>`select count(*)::text n from (select 1 from members limit 1) x`;
  if (row!.n !== "0") {
    console.error(`database ${dbName} already has members: rerun with --fresh to drop and recreate it`);
    await sql.end();
    process.exit(1);
  }
}

/** Drops the secondary indexes of the tables filled here; returns their definitions to rebuild. */
async function dropSecondaryIndexes(): Promise<string[]> {
  const rows = await sql<{ name: string; def: string }[]>`
    select i.indexname as name, i.indexdef as def
      from pg_indexes i
     where i.schemaname = 'public' and i.tablename in ${sql(BIG_TABLES)}
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
  for (const r of rows) await sql.unsafe(`drop index "${r.name}"`);
  // Primary keys too: random md5 uuids would make every insert a random b-tree page write;
  // one sorted build at the end is several times cheaper.
  // Foreign keys (members → users) go first and come back last, checked once over the whole table.
  const constraints = await sql<{ table: string; name: string; def: string; type: string }[]>`
    select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as def, c.contype::text as type
      from pg_constraint c
     where (c.contype = 'p' and c.conrelid::regclass::text in ${sql(BIG_TABLES)})
        or (c.contype = 'f' and (c.conrelid::regclass::text in ${sql(BIG_TABLES)} or c.confrelid::regclass::text in ${sql(BIG_TABLES)}))
     order by c.contype`;
  for (const c of constraints) await sql.unsafe(`alter table ${c.table} drop constraint "${c.name}"`);
  const add = (type: string) => constraints.filter((c) => c.type === type).map((c) => `alter table ${c.table} add constraint "${c.name}" ${c.def}`);
  return [...add("p"), ...rows.map((r) => r.def), ...add("f")];
}

async function generate() {
  await sql.unsafe("set synchronous_commit = off");
  await sql.unsafe("set work_mem = '256MB'");
  await sql.unsafe(parentFunction());
  await sql.unsafe(`create temp table s_parent as
    select g, pg_temp.seed_parent(g) p from generate_series(20, ${N}, 20) g where pg_temp.seed_parent(g) is not null`);
  await sql.unsafe("alter table s_parent add primary key (g)");
  await sql.unsafe("analyze s_parent");

  await chunked("users, members, distributors, referral paths", N, (a, b) => [
    `insert into users (id, email, name, roles, created_at, updated_at)
     select ${member("g")}, 'member' || g || '@scale.test', '会员' || g,
            case when g % 20 = 0 then '{member,distributor}'::text[] else '{member}'::text[] end, ${join}, ${join}
       from generate_series(${a}::bigint, ${b}) g`,
    // Tiers: ~75 % regular, 20 % silver, 5 % gold.
    `insert into members (id, external_id, tier_code, referrer_id, created_at)
     select ${member("g")}, 'CRM' || g,
            case when (g * 31) % 20 = 0 then 'gold' when (g * 31) % 20 < 5 then 'silver' else 'regular' end,
            case when pg_temp.seed_parent(g) is not null then ${member("pg_temp.seed_parent(g)")} end, ${join}
       from generate_series(${a}::bigint, ${b}) g`,
    `insert into distributors (member_id, code, level_code, status, created_at)
     select ${member("g")}, 'JF' || lpad(upper(to_hex(g / 20)), 6, '0'), 'junior', 'active', ${join}
       from generate_series(${a}::bigint, ${b}) g where g % 20 = 0`,
    // The closure rows: the whole chain of referrers of each member, one row per ancestor. Referrers
    // are distributors, whose own referrers come from the small s_parent table (hash joins, no recursion).
    `insert into referral_paths (ancestor_id, descendant_id, depth)
     select ${member("x.anc")}, ${member("p1.g")}, x.depth
       from (select g, pg_temp.seed_parent(g) p from generate_series(${a}::bigint, ${b}) g) p1
       left join s_parent p2 on p2.g = p1.p
       left join s_parent p3 on p3.g = p2.p
       left join s_parent p4 on p4.g = p3.p
       left join s_parent p5 on p5.g = p4.p
       left join s_parent p6 on p6.g = p5.p
      cross join lateral (values (p1.p, 1), (p2.p, 2), (p3.p, 3), (p4.p, 4), (p5.p, 5), (p6.p, 6)) x(anc, depth)
      where x.anc is not null`,
  ]);

  const cats = "(array['tea','coffee','kitchen','electronics','bags','coupons','privileges','books','outdoor','home','beauty','kids'])[1 + g % 12]";
  const zh = "(array['明前龙井','挂耳咖啡','陶瓷马克杯','蓝牙耳机','双肩背包','满减优惠券','会员权益','精装图书','折叠雨伞','纯棉毛巾','香氛礼盒','儿童绘本'])[1 + g % 12]";
  const en = "(array['Longjing tea','Drip coffee','Ceramic mug','Bluetooth headphones','Backpack','Money-off coupon','Member privilege','Hardcover book','Folding umbrella','Cotton towel','Fragrance set','Picture book'])[1 + g % 12]";
  const rts = `(${NOW} - interval '400 days' + (g % 365) * interval '1 day' + g * interval '1 second')`;
  await chunked("rewards", REWARDS, (a, b) => [
    `insert into rewards (id, sku, name, name_en, description, description_en, terms, type, category, points_price, stock, per_member_limit,
                          tier_codes, active, flash, starts_at, ends_at, coupon_source, coupon_pattern, coupon_valid_days, redeemed_count, created_at, updated_at)
     select md5('reward-' || g)::uuid, 'SCALE-' || lpad(g::text, 5, '0'), ${zh} || ' ' || g || '号', ${en} || ' #' || g,
            '奖品说明 ' || g, 'About reward ' || g, '每人限兑，兑换后不退不换。',
            case when g % 12 = 5 then 'coupon' when g % 12 = 6 then 'virtual' else 'physical' end,
            ${cats}, 100 * (1 + (g::bigint * 37) % 300),
            case when g % 4 = 0 then null when g % 50 = 1 then 0 else 1 + (g::bigint * 13) % 500 end,
            case when g % 7 = 0 then 2 else null end,
            case when g % 40 = 0 then '{gold}'::text[] when g % 40 = 1 then '{silver,gold}'::text[] else '{}'::text[] end,
            g % 25 <> 0, g % 100 = 3,
            case when g % 100 = 3 then ${NOW} - interval '1 day' else null end,
            case when g % 100 = 3 then ${NOW} + interval '6 days' else null end,
            case when g % 12 = 5 then 'pattern' else null end, case when g % 12 = 5 then 'JF-XXXX-9999' else null end, case when g % 12 = 5 then 30 else null end,
            (g::bigint * 7919) % 5000, ${rts}, ${rts}
       from generate_series(${a}, ${b}) g`,
  ]);
  await sql.unsafe(`
    insert into stock_movements (id, reward_id, delta, stock_after, reason, actor, created_at)
    select md5('opening-' || id)::uuid, id, stock, stock, 'opening stock', 'seed:scale', created_at from rewards where stock is not null and stock > 0`);

  await chunked("ledger (lots, entries, allocations, balances), orders, refunds, redemptions", N, (a, b) => [
    `drop table if exists s_lot`,
    // Each figure computed once per row (the `offset 0` subqueries keep Postgres from inlining
    // the long time expressions into every place they are used).
    `create temp table s_lot as
     select g, i, ${member("g")} m, md5('lot-' || g || '-' || i)::uuid lot_id, md5('earn-' || g || '-' || i)::uuid entry_id,
            amount,
            case when i = 1 and g % 3 = 0 then 0
                 when i = 2 then 0
                 when i = 3 then amount - amount / 2
                 when i = 4 and g % 20 = 7 then amount - (amount * 4) / 10
                 else amount end remaining,
            t created_at,
            case when i = e and g % 4 = 0 then ${NOW} + (1 + g % 14) * interval '1 day' else t end available_at,
            case when i = 1 then (case when g % 3 = 2 then null else t + interval '45 days' end)
                 when i % 3 = 0 then null
                 else t + interval '365 days' end expires_at,
            case when i = 1 and g % 3 = 0 then t + interval '45 days' end expired_at
       from (select g, i, e, ${amount("i")} amount, j + (${NOW} - j) * (i::float8 / (e + 2)) t
               from (select g, ${lots} e, ${join} j from generate_series(${a}::bigint, ${b}) g offset 0) m
              cross join lateral generate_series(1, e) i offset 0) x`,
    `insert into point_lots (id, member_id, entry_id, amount, remaining, available_at, expires_at, expired_at, created_at)
     select lot_id, m, entry_id, amount, remaining, available_at, expires_at, expired_at, created_at from s_lot`,
    // Every entry with its effect on the available balance (a pending earn adds nothing yet).
    `drop table if exists s_entry`,
    `create temp table s_entry as
     select g, entry_id id, m, 'earn'::ledger_entry_type type, amount points,
            case when available_at > created_at then 0 else amount end effect,
            case i when 1 then 'sign-up bonus' when 4 then 'order' else (array['daily check-in','review','campaign','birthday'])[1 + (g + i) % 4] end reason,
            case when i = 4 then md5('order-' || g)::uuid end order_id, null::uuid redemption_id, null::uuid refund_id, created_at
       from s_lot
     union all
     select g, md5('spend-' || g)::uuid, ${member("g")}, 'spend', -${spendPoints}, -${spendPoints},
            case when g % 10 = 3 then 'redemption' else 'points used' end,
            null, case when g % 10 = 3 then md5('redemption-' || g)::uuid end, null, ${spendAt}
       from generate_series(${a}::bigint, ${b}) g
     union all
     select g, md5('reverse-' || g)::uuid, ${member("g")}, 'reverse', -${reversed4}, -${reversed4}, 'refund',
            md5('order-' || g)::uuid, null, md5('refund-' || g)::uuid, ${refundAt}
       from generate_series(${a}::bigint, ${b}) g where g % 20 = 7
     union all
     select g, md5('expire-' || g)::uuid, ${member("g")}, 'expire', -${amount("1")}, -${amount("1")}, 'points expired', null, null, null, ${expiry1}
       from generate_series(${a}::bigint, ${b}) g where g % 3 = 0`,
    // balanceAfter: the running available balance; an unswept lot 1 (g%3=1) leaves it once expired.
    `insert into point_entries (id, member_id, type, points, balance_after, reason, actor, order_id, redemption_id, refund_id, created_at)
     select id, m, type, points,
            sum(effect) over (partition by g order by created_at, id)
              - case when g % 3 = 1 and created_at >= ${expiry1} then ${amount("1")} else 0 end,
            reason, 'seed:scale', order_id, redemption_id, refund_id, created_at
       from s_entry`,
    `insert into point_allocations (entry_id, lot_id, member_id, points)
     select md5('spend-' || g)::uuid, md5('lot-' || g || '-2')::uuid, m, amount from s_lot where i = 2
     union all
     select md5('spend-' || g)::uuid, md5('lot-' || g || '-3')::uuid, m, amount / 2 from s_lot where i = 3
     union all
     select md5('reverse-' || g)::uuid, lot_id, m, amount - remaining from s_lot where i = 4 and g % 20 = 7
     union all
     select md5('expire-' || g)::uuid, lot_id, m, amount from s_lot where i = 1 and g % 3 = 0`,
    `insert into point_balances (member_id, available, pending, lifetime_earned, debt, next_change_at, updated_at)
     select m,
            coalesce(sum(remaining) filter (where available_at <= ${NOW} and (expires_at is null or expires_at > ${NOW})), 0),
            coalesce(sum(remaining) filter (where available_at > ${NOW} and (expires_at is null or expires_at > ${NOW})), 0),
            sum(amount), 0,
            least(min(available_at) filter (where available_at > ${NOW} and remaining > 0),
                  min(expires_at) filter (where expires_at > ${NOW} and remaining > 0)),
            ${NOW}
       from s_lot group by m`,
    // One order per member (its earn is lot 4): two lines, 1 point per yuan; g%20=7 refunds line 2 (40 %).
    `insert into orders (id, external_id, member_id, placed_at, currency, goods_cents, discount_cents, shipping_cents, paid_cents,
                         earning_base_cents, refunded_cents, points_awarded, points_reversed, earn_lot_id, source, created_at)
     select md5('order-' || g)::uuid, 'SO-' || g, ${member("g")}, ${earnedAt("4")}, 'CNY', ${amount("4")} * 100, 0, 0, ${amount("4")} * 100,
            ${amount("4")} * 100, case when g % 20 = 7 then ${amount("4")} * 40 else 0 end, ${amount("4")},
            case when g % 20 = 7 then ${reversed4} else 0 end, md5('lot-' || g || '-4')::uuid, 'api', ${earnedAt("4")}
       from generate_series(${a}::bigint, ${b}) g`,
    `insert into order_lines (order_id, line_no, member_id, sku, name, category, quantity, unit_price_cents, discount_cents, base_cents, refunded_quantity)
     select md5('order-' || g)::uuid, 1, ${member("g")}, 'SKU-' || (g % 500), '商品 ' || (g % 500), ${cats}, 1, ${amount("4")} * 60, 0, ${amount("4")} * 60, 0
       from generate_series(${a}::bigint, ${b}) g
     union all
     select md5('order-' || g)::uuid, 2, ${member("g")}, 'SKU-' || (g % 700 + 500), '商品 ' || (g % 700 + 500), ${cats}, 1, ${amount("4")} * 40, 0, ${amount("4")} * 40,
            case when g % 20 = 7 then 1 else 0 end
       from generate_series(${a}::bigint, ${b}) g`,
    `insert into refunds (id, order_id, member_id, amount_cents, items, reason, points_reversed, created_at)
     select md5('refund-' || g)::uuid, md5('order-' || g)::uuid, ${member("g")}, ${amount("4")} * 40,
            jsonb_build_array(jsonb_build_object('sku', 'SKU-' || (g % 700 + 500), 'quantity', 1)), 'customer return', ${reversed4}, ${refundAt}
       from generate_series(${a}::bigint, ${b}) g where g % 20 = 7`,
    `insert into redemptions (id, member_id, reward_id, quantity, unit_points, points_spent, spend_entry_id, status, source, created_at, updated_at)
     select md5('redemption-' || g)::uuid, ${member("g")}, md5('reward-' || (1 + (g * 7) % ${REWARDS}))::uuid, 1, ${spendPoints}, ${spendPoints},
            md5('spend-' || g)::uuid, case when g % 7 = 0 then 'shipped' else 'delivered' end, 'web', ${spendAt}, ${spendAt}
       from generate_series(${a}::bigint, ${b}) g where g % 10 = 3`,
  ]);
}

await prepare();
log(`seeding ${N.toLocaleString("en")} members (${DISTRIBUTORS.toLocaleString("en")} distributors, ${REWARDS.toLocaleString("en")} rewards), now = ${NOW_ISO}, chunks of ${CHUNK.toLocaleString("en")}`);
const indexes = await dropSecondaryIndexes();
log(`dropped ${indexes.length} keys and indexes (rebuilt after the load)`);
await generate();
await sql.unsafe("set maintenance_work_mem = '512MB'");
for (const def of indexes) {
  const t = performance.now();
  await sql.unsafe(def);
  log(`index ${def.match(/(?:INDEX|constraint) "?([^\s"]+)/)?.[1]} (${((performance.now() - t) / 1000).toFixed(1)}s)`);
}
await sql.unsafe("analyze");
log("analyzed");
const counts = await sql<{ t: string; n: string }[]>`
  select 'members' t, count(*)::text n from members union all
  select 'distributors', count(*)::text from distributors union all
  select 'referral_paths', count(*)::text from referral_paths union all
  select 'point_entries', count(*)::text from point_entries union all
  select 'point_lots', count(*)::text from point_lots union all
  select 'point_allocations', count(*)::text from point_allocations union all
  select 'orders', count(*)::text from orders union all
  select 'order_lines', count(*)::text from order_lines union all
  select 'refunds', count(*)::text from refunds union all
  select 'rewards', count(*)::text from rewards union all
  select 'redemptions', count(*)::text from redemptions`;
const [top] = await sql<{ n: string; depth: number }[]>`
  select (select count(*) from referral_paths where ancestor_id = ${sqlMember(20)})::text n, (select max(depth) from referral_paths) depth`;
for (const c of counts) console.log(`  ${c.t.padEnd(18)} ${Number(c.n).toLocaleString("en").padStart(12)}`);
console.log(`  largest team (distributor JF000001): ${Number(top!.n).toLocaleString("en")} descendants; deepest path ${top!.depth}`);
log("done");
await sql.end();

/** Member g's id as the SQL derives it: md5('member-' || g) read as a uuid. */
function sqlMember(g: number): string {
  const h = createHash("md5").update(`member-${g}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
