CREATE TABLE "analytics_top_items" (
	"kind" text NOT NULL,
	"days" integer NOT NULL,
	"rank" integer NOT NULL,
	"through" date NOT NULL,
	"key" text NOT NULL,
	"count" bigint NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "analytics_top_items_kind_days_rank_pk" PRIMARY KEY("kind","days","rank")
);
