CREATE TABLE "backtest_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rule_key" text NOT NULL,
	"definition" jsonb NOT NULL,
	"days" integer NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"total" integer NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"results" jsonb,
	"error" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "backtest_runs_author_idx" ON "backtest_runs" USING btree ("created_by","rule_key","created_at" DESC NULLS LAST);