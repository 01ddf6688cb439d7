CREATE TYPE "public"."wallet_entry_type" AS ENUM('commission', 'release', 'reversal', 'adjustment', 'withdrawal', 'withdrawal-rejected', 'withdrawal-paid', 'withdrawal-failed', 'withdrawal-returned');--> statement-breakpoint
CREATE TABLE "distributor_wallets" (
	"distributor_id" uuid PRIMARY KEY NOT NULL,
	"pending_cents" bigint DEFAULT 0 NOT NULL,
	"available_cents" bigint DEFAULT 0 NOT NULL,
	"withdrawing_cents" bigint DEFAULT 0 NOT NULL,
	"withdrawn_cents" bigint DEFAULT 0 NOT NULL,
	"adjustment_cents" bigint DEFAULT 0 NOT NULL,
	"next_release_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "distributor_wallets_nonneg" CHECK ("distributor_wallets"."pending_cents" >= 0 and "distributor_wallets"."withdrawing_cents" >= 0 and "distributor_wallets"."withdrawn_cents" >= 0 and "distributor_wallets"."adjustment_cents" <= 0)
);
--> statement-breakpoint
CREATE TABLE "wallet_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"distributor_id" uuid NOT NULL,
	"type" "wallet_entry_type" NOT NULL,
	"pending_delta" bigint DEFAULT 0 NOT NULL,
	"available_delta" bigint DEFAULT 0 NOT NULL,
	"withdrawing_delta" bigint DEFAULT 0 NOT NULL,
	"withdrawn_delta" bigint DEFAULT 0 NOT NULL,
	"adjustment_delta" bigint DEFAULT 0 NOT NULL,
	"available_after" bigint NOT NULL,
	"commission_id" uuid,
	"order_id" uuid,
	"refund_id" uuid,
	"withdrawal_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wallet_entries_commission_ref" CHECK ("wallet_entries"."type" not in ('commission', 'release', 'reversal', 'adjustment') or ("wallet_entries"."commission_id" is not null and "wallet_entries"."order_id" is not null)),
	CONSTRAINT "wallet_entries_withdrawal_ref" CHECK ("wallet_entries"."type" in ('commission', 'release', 'reversal', 'adjustment') or "wallet_entries"."withdrawal_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "withdrawals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"distributor_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"fee_cents" bigint DEFAULT 0 NOT NULL,
	"net_cents" bigint NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"payout_account" jsonb,
	"payout_reference" text,
	"reason" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"rule_version_id" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"paid_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "withdrawals_amounts" CHECK ("withdrawals"."amount_cents" > 0 and "withdrawals"."fee_cents" >= 0 and "withdrawals"."net_cents" = "withdrawals"."amount_cents" - "withdrawals"."fee_cents")
);
--> statement-breakpoint
ALTER TABLE "commissions" ALTER COLUMN "rate_bps" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "commissions" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "commissions" ADD COLUMN "explanation" jsonb;--> statement-breakpoint
ALTER TABLE "distributors" ADD COLUMN "withdrawals_frozen_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "wallet_entries_distributor_idx" ON "wallet_entries" USING btree ("distributor_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "wallet_entries_commission_idx" ON "wallet_entries" USING btree ("commission_id");--> statement-breakpoint
CREATE INDEX "withdrawals_distributor_idx" ON "withdrawals" USING btree ("distributor_id","requested_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "withdrawals_status_idx" ON "withdrawals" USING btree ("status","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "commissions_order_level_uq" ON "commissions" USING btree ("order_id","level");--> statement-breakpoint
CREATE INDEX "commissions_unreleased_idx" ON "commissions" USING btree ("distributor_id","available_at") WHERE "commissions"."released_at" is null and "commissions"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_share_of_sale" CHECK ("commissions"."amount_cents" > 0 and "commissions"."amount_cents" <= "commissions"."base_cents");--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_reversed" CHECK ("commissions"."reversed_cents" >= 0 and "commissions"."reversed_cents" <= "commissions"."amount_cents");--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_level" CHECK ("commissions"."level" between 1 and 3);