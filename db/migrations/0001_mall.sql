CREATE TABLE "coupon_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reward_id" uuid NOT NULL,
	"code" text NOT NULL,
	"status" text NOT NULL,
	"member_id" uuid,
	"redemption_id" uuid,
	"issued_at" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"used_at" timestamp with time zone,
	"used_reference" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_addresses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"phone" text NOT NULL,
	"region" text NOT NULL,
	"line" text NOT NULL,
	"postal_code" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redemption_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"redemption_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reward_id" uuid NOT NULL,
	"delta" integer NOT NULL,
	"stock_after" integer,
	"reason" text NOT NULL,
	"redemption_id" uuid,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "unit_points" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "discount_bps" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "tier_code" text;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "spend_entry_id" uuid;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "carrier" text;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "tracking_number" text;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "request_key" text;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "source" text DEFAULT 'web' NOT NULL;--> statement-breakpoint
ALTER TABLE "rewards" ADD COLUMN "terms" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "rewards" ADD COLUMN "terms_en" text;--> statement-breakpoint
ALTER TABLE "rewards" ADD COLUMN "flash" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "rewards" ADD COLUMN "images" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "rewards" ADD COLUMN "coupon_source" text;--> statement-breakpoint
ALTER TABLE "rewards" ADD COLUMN "coupon_pattern" text;--> statement-breakpoint
ALTER TABLE "rewards" ADD COLUMN "coupon_valid_days" integer;--> statement-breakpoint
ALTER TABLE "rewards" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "coupon_codes_code_uq" ON "coupon_codes" USING btree ("code");--> statement-breakpoint
CREATE INDEX "coupon_codes_pool_idx" ON "coupon_codes" USING btree ("reward_id","id") WHERE "coupon_codes"."status" = 'available';--> statement-breakpoint
CREATE INDEX "coupon_codes_member_idx" ON "coupon_codes" USING btree ("member_id","issued_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "coupon_codes_redemption_idx" ON "coupon_codes" USING btree ("redemption_id");--> statement-breakpoint
CREATE INDEX "member_addresses_member_idx" ON "member_addresses" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "redemption_events_redemption_idx" ON "redemption_events" USING btree ("redemption_id","created_at");--> statement-breakpoint
CREATE INDEX "stock_movements_reward_idx" ON "stock_movements" USING btree ("reward_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "redemptions_status_idx" ON "redemptions" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "redemptions_request_uq" ON "redemptions" USING btree ("member_id","request_key");--> statement-breakpoint
CREATE INDEX "rewards_active_new_idx" ON "rewards" USING btree ("created_at" DESC NULLS LAST,"id") WHERE "rewards"."active";--> statement-breakpoint
CREATE INDEX "rewards_active_popular_idx" ON "rewards" USING btree ("redeemed_count" DESC NULLS LAST,"id") WHERE "rewards"."active";--> statement-breakpoint
CREATE INDEX "rewards_active_price_idx" ON "rewards" USING btree ("points_price","id") WHERE "rewards"."active";--> statement-breakpoint
CREATE INDEX "rewards_active_category_idx" ON "rewards" USING btree ("category","points_price","id") WHERE "rewards"."active";--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_quantity_pos" CHECK ("redemptions"."quantity" > 0);--> statement-breakpoint
ALTER TABLE "rewards" ADD CONSTRAINT "rewards_limit_pos" CHECK ("rewards"."per_member_limit" is null or "rewards"."per_member_limit" > 0);