CREATE TABLE "distributor_rank_totals" (
	"period" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"distributor_id" uuid NOT NULL,
	"sales_cents" bigint DEFAULT 0 NOT NULL,
	"commission_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "distributor_rank_totals_period_period_start_distributor_id_pk" PRIMARY KEY("period","period_start","distributor_id")
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "signup_ip_hash" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "signup_device_hash" text;--> statement-breakpoint
ALTER TABLE "withdrawals" ADD COLUMN "payout_account_hash" text;--> statement-breakpoint
CREATE INDEX "distributor_rank_totals_sales_idx" ON "distributor_rank_totals" USING btree ("period","period_start","sales_cents" DESC NULLS LAST,"distributor_id");--> statement-breakpoint
CREATE INDEX "distributor_rank_totals_commission_idx" ON "distributor_rank_totals" USING btree ("period","period_start","commission_cents" DESC NULLS LAST,"distributor_id");--> statement-breakpoint
CREATE INDEX "withdrawals_payout_hash_idx" ON "withdrawals" USING btree ("payout_account_hash") WHERE "withdrawals"."payout_account_hash" is not null;--> statement-breakpoint
-- Hand-written (keep when regenerating): the leaderboard totals of the commissions written before this
-- migration, in the deployment's zone (db/migrate.ts sets jifen.deployment_tz from DEPLOYMENT_TZ).
INSERT INTO "distributor_rank_totals" ("period", "period_start", "distributor_id", "sales_cents", "commission_cents")
SELECT p.period, date_trunc(p.period, c.created_at AT TIME ZONE z.tz) AT TIME ZONE z.tz, c.distributor_id,
       coalesce(sum(div(c.base_cents::numeric * (c.amount_cents - c.reversed_cents), c.amount_cents)) FILTER (WHERE c.level = 1), 0)::bigint,
       sum(c.amount_cents - c.reversed_cents)::bigint
  FROM "commissions" c
 CROSS JOIN (VALUES ('week'), ('month')) p(period)
 CROSS JOIN (SELECT coalesce(nullif(current_setting('jifen.deployment_tz', true), ''), 'Asia/Shanghai') tz) z
 GROUP BY 1, 2, 3;
