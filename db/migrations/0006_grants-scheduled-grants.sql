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
CREATE UNIQUE INDEX "scheduled_grant_awards_uq" ON "scheduled_grant_awards" USING btree ("grant_id","period","member_id");--> statement-breakpoint
CREATE INDEX "scheduled_grant_awards_member_idx" ON "scheduled_grant_awards" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scheduled_grant_runs_key_uq" ON "scheduled_grant_runs" USING btree ("grant_id","run_key");--> statement-breakpoint
CREATE INDEX "scheduled_grant_runs_grant_idx" ON "scheduled_grant_runs" USING btree ("grant_id","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "scheduled_grants_created_idx" ON "scheduled_grants" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "members_birthday_md_idx" ON "members" USING btree ((extract(month from "birthday")::int),(extract(day from "birthday")::int),"id") WHERE "members"."birthday" is not null;