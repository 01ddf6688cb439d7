CREATE TABLE "distributor_rank_totals" (
	"period" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"distributor_id" uuid NOT NULL,
	"sales_cents" bigint DEFAULT 0 NOT NULL,
	"commission_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "distributor_rank_totals_period_period_start_distributor_id_pk" PRIMARY KEY("period","period_start","distributor_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_monthly_items" (
	"month" date NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_monthly_items_kind_month_key_pk" PRIMARY KEY("kind","month","key")
);
--> statement-breakpoint
CREATE TABLE "scheduled_grant_awards" (
	"grant_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"period" text NOT NULL,
	"run_id" uuid NOT NULL,
	"points" bigint NOT NULL,
	"entry_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduled_grant_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"grant_id" uuid NOT NULL,
	"run_key" text NOT NULL,
	"trigger" text NOT NULL,
	"triggered_by_label" text,
	"status" text NOT NULL,
	"candidates" integer DEFAULT 0 NOT NULL,
	"granted" integer DEFAULT 0 NOT NULL,
	"points" bigint DEFAULT 0 NOT NULL,
	"skipped_frozen" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scheduled_grants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"birthday_mode" text,
	"day_of_month" integer,
	"run_on" date,
	"segment" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"points" bigint NOT NULL,
	"tier_points" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"expiry_days" integer,
	"reason" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "scheduled_grants_points" CHECK ("scheduled_grants"."points" > 0),
	CONSTRAINT "scheduled_grants_day_of_month" CHECK ("scheduled_grants"."day_of_month" is null or "scheduled_grants"."day_of_month" between 1 and 28)
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "signup_ip_hash" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "signup_device_hash" text;--> statement-breakpoint
ALTER TABLE "withdrawals" ADD COLUMN "payout_account_hash" text;--> statement-breakpoint
CREATE INDEX "distributor_rank_totals_sales_idx" ON "distributor_rank_totals" USING btree ("period","period_start","sales_cents" DESC NULLS LAST,"distributor_id");--> statement-breakpoint
CREATE INDEX "distributor_rank_totals_commission_idx" ON "distributor_rank_totals" USING btree ("period","period_start","commission_cents" DESC NULLS LAST,"distributor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scheduled_grant_awards_uq" ON "scheduled_grant_awards" USING btree ("grant_id","period","member_id");--> statement-breakpoint
CREATE INDEX "scheduled_grant_awards_member_idx" ON "scheduled_grant_awards" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scheduled_grant_runs_key_uq" ON "scheduled_grant_runs" USING btree ("grant_id","run_key");--> statement-breakpoint
CREATE INDEX "scheduled_grant_runs_grant_idx" ON "scheduled_grant_runs" USING btree ("grant_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "scheduled_grants_created_idx" ON "scheduled_grants" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "members_birthday_md_idx" ON "members" USING btree ((extract(month from "birthday")::int),(extract(day from "birthday")::int),"id") WHERE "members"."birthday" is not null;--> statement-breakpoint
CREATE INDEX "redemptions_created_idx" ON "redemptions" USING btree ("created_at");--> statement-breakpoint
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