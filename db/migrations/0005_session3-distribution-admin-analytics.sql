CREATE TABLE "distributor_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid
);
--> statement-breakpoint
CREATE TABLE "risk_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"distributor_id" uuid NOT NULL,
	"buyer_id" uuid,
	"signal" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid
);
--> statement-breakpoint
CREATE TABLE "binding_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"old_distributor_id" uuid,
	"new_distributor_id" uuid,
	"source" text NOT NULL,
	"mode" text NOT NULL,
	"expires_at" timestamp with time zone,
	"actor" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "binding_events_changes" CHECK ("binding_events"."old_distributor_id" is distinct from "binding_events"."new_distributor_id")
);
--> statement-breakpoint
CREATE TABLE "referral_attributions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"distributor_id" uuid NOT NULL,
	"source" text NOT NULL,
	"at_signup" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referral_attributions_window" CHECK ("referral_attributions"."expires_at" > "referral_attributions"."created_at")
);
--> statement-breakpoint
CREATE TABLE "referral_clicks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"distributor_id" uuid NOT NULL,
	"visitor_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"source" text NOT NULL,
	"label" text NOT NULL,
	"status" text NOT NULL,
	"total" integer NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"granted" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"points_granted" bigint DEFAULT 0 NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "grant_rows" (
	"job_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"grant_key" text NOT NULL,
	"member_ref" text NOT NULL,
	"member_id" uuid,
	"points" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"entry_id" uuid
);
--> statement-breakpoint
CREATE TABLE "point_adjustments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"points" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_by_label" text NOT NULL,
	"decided_by" uuid,
	"decided_by_label" text,
	"decision_note" text,
	"decided_at" timestamp with time zone,
	"entry_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "point_adjustments_nonzero" CHECK ("point_adjustments"."points" <> 0)
);
--> statement-breakpoint
CREATE TABLE "analytics_daily" (
	"day" date PRIMARY KEY NOT NULL,
	"points_issued" bigint DEFAULT 0 NOT NULL,
	"points_restored" bigint DEFAULT 0 NOT NULL,
	"points_redeemed" bigint DEFAULT 0 NOT NULL,
	"points_expired" bigint DEFAULT 0 NOT NULL,
	"points_reversed" bigint DEFAULT 0 NOT NULL,
	"points_adjusted" bigint DEFAULT 0 NOT NULL,
	"points_net" bigint DEFAULT 0 NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"sales_cents" bigint DEFAULT 0 NOT NULL,
	"net_sales_cents" bigint DEFAULT 0 NOT NULL,
	"refunds_cents" bigint DEFAULT 0 NOT NULL,
	"distributor_orders" integer DEFAULT 0 NOT NULL,
	"distributor_sales_cents" bigint DEFAULT 0 NOT NULL,
	"redemptions" integer DEFAULT 0 NOT NULL,
	"redemption_points" bigint DEFAULT 0 NOT NULL,
	"commissions_accrued_cents" bigint DEFAULT 0 NOT NULL,
	"commissions_reversed_cents" bigint DEFAULT 0 NOT NULL,
	"withdrawals_paid_cents" bigint DEFAULT 0 NOT NULL,
	"new_members" integer DEFAULT 0 NOT NULL,
	"referred_members" integer DEFAULT 0 NOT NULL,
	"active_members" integer DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_items" (
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_daily_items_kind_day_key_pk" PRIMARY KEY("kind","day","key")
);
--> statement-breakpoint
CREATE TABLE "staff_invites" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"roles" text[] NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_user_id" uuid,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "frozen_reason" text;--> statement-breakpoint
ALTER TABLE "commissions" ADD COLUMN "held_by_case_id" uuid;--> statement-breakpoint
ALTER TABLE "distributors" ADD COLUMN "rank_anonymous" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "distributors" ADD COLUMN "rank_hide_amounts" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "distributors" ADD COLUMN "level_changed_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "distributor_applications_one_pending_uq" ON "distributor_applications" USING btree ("member_id") WHERE "distributor_applications"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "distributor_applications_member_idx" ON "distributor_applications" USING btree ("member_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "distributor_applications_status_idx" ON "distributor_applications" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_cases_one_open_uq" ON "risk_cases" USING btree ("distributor_id","signal",coalesce("buyer_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "risk_cases"."status" = 'open';--> statement-breakpoint
CREATE INDEX "risk_cases_status_idx" ON "risk_cases" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "binding_events_member_idx" ON "binding_events" USING btree ("member_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "referral_attributions_member_idx" ON "referral_attributions" USING btree ("member_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "referral_attributions_signup_idx" ON "referral_attributions" USING btree ("distributor_id","created_at") WHERE "referral_attributions"."at_signup";--> statement-breakpoint
CREATE INDEX "referral_clicks_distributor_idx" ON "referral_clicks" USING btree ("distributor_id","created_at");--> statement-breakpoint
CREATE INDEX "referral_clicks_created_idx" ON "referral_clicks" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_jobs_key_uq" ON "grant_jobs" USING btree ("key");--> statement-breakpoint
CREATE INDEX "grant_jobs_created_idx" ON "grant_jobs" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "grant_rows_key_uq" ON "grant_rows" USING btree ("grant_key");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_rows_job_row_uq" ON "grant_rows" USING btree ("job_id","row_no");--> statement-breakpoint
CREATE INDEX "point_adjustments_member_idx" ON "point_adjustments" USING btree ("member_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "point_adjustments_pending_idx" ON "point_adjustments" USING btree ("created_at","id") WHERE "point_adjustments"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "analytics_daily_items_day_idx" ON "analytics_daily_items" USING btree ("day");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_invites_token_uq" ON "staff_invites" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "staff_invites_created_idx" ON "staff_invites" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "users_email_prefix_idx" ON "users" USING btree (("email" collate "C"),"id");--> statement-breakpoint
CREATE INDEX "users_name_prefix_idx" ON "users" USING btree ((lower("name") collate "C"),"id");--> statement-breakpoint
CREATE INDEX "members_created_idx" ON "members" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "members_phone_suffix_idx" ON "members" USING btree ((reverse("phone") collate "C"),"id");--> statement-breakpoint
CREATE INDEX "tier_history_created_idx" ON "tier_history" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "point_entries_created_idx" ON "point_entries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "orders" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "refunds_created_idx" ON "refunds" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "redemptions_updated_idx" ON "redemptions" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "commissions_ranking_idx" ON "commissions" USING btree ("created_at","distributor_id","level","amount_cents","reversed_cents","base_cents");--> statement-breakpoint
CREATE INDEX "commissions_held_idx" ON "commissions" USING btree ("held_by_case_id") WHERE "commissions"."held_by_case_id" is not null;--> statement-breakpoint
CREATE INDEX "distributors_code_prefix_idx" ON "distributors" USING btree (("code" collate "C"));--> statement-breakpoint
CREATE INDEX "wallet_entries_created_idx" ON "wallet_entries" USING btree ("created_at");